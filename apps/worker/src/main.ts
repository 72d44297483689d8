import { start } from '../../api/src/start';

// Workers serve only /health and /metrics on their own port.
void start({ ROLE: 'worker', PORT: '3001' });

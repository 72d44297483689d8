import { start } from '../../api/src/start';

// The demo runs api and worker in one process.
void start({ ROLE: 'all' });

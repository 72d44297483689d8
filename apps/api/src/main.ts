import { start } from './start';

void start({ ROLE: 'api' });

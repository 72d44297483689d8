import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; names follow Prometheus conventions. */
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'casework_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly appendDuration = new Histogram({
    name: 'casework_command_duration_seconds',
    help: 'Command handling (read, decide, append) duration',
    labelNames: ['workflow', 'command', 'outcome'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly projectionEvents = new Counter({
    name: 'casework_projection_events_total',
    help: 'Events applied by each projection',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'casework_projection_lag_seconds',
    help: 'Age of the newest event each projection has applied, when it applied it',
    labelNames: ['projection'],
    registers: [this.registry],
  });
  readonly timerLateness = new Histogram({
    name: 'casework_timer_lateness_seconds',
    help: 'How late a deadline timer fired after its due time',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers: [this.registry],
  });
  readonly timerQueueDepth = new Gauge({
    name: 'casework_timer_jobs',
    help: 'Deadline timer jobs by state',
    labelNames: ['state'],
    registers: [this.registry],
  });

  private readonly collectors: (() => Promise<void>)[] = [];

  constructor(collectDefaults = true) {
    if (collectDefaults) collectDefaultMetrics({ register: this.registry });
  }

  /** Gauges read from elsewhere (e.g. queue depth) refresh just before each scrape. */
  onScrape(collect: () => Promise<void>): void {
    this.collectors.push(collect);
  }

  /** The exposition text; a collector that fails leaves its gauge at the last value. */
  async scrape(): Promise<string> {
    await Promise.all(this.collectors.map((collect) => collect().catch(() => undefined)));
    return this.registry.metrics();
  }
}

/** Latency buckets in seconds, from a cached answer to a slow database call. */
const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Labels = Record<string, string>;

/** Label values as the text format wants them: quoted, with backslash, quote and newline escaped. */
function labelText(labels: Labels, extra = ""): string {
  const parts = Object.entries(labels).map(([name, value]) => `${name}="${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`);
  if (extra) parts.push(extra);
  return parts.length === 0 ? "" : `{${parts.join(",")}}`;
}

interface Metric {
  render(): string;
}

export interface Counter {
  inc(labels?: Labels, by?: number): void;
}

export interface Histogram {
  observe(labels: Labels, seconds: number): void;
}

/** A set of metrics written in the Prometheus text format (version 0.0.4). */
export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  histogram(name: string, help: string): Histogram;
  /**
   * Values read when scraped, one per label set: a gauge such as a queue's depth, or a counter
   * kept elsewhere in a cheaper form than `counter` (the redirect's).
   */
  collect(name: string, help: string, type: "gauge" | "counter", read: () => { labels: Labels; value: number }[]): void;
  render(): string;
}

export function createMetricsRegistry(): MetricsRegistry {
  const metrics: Metric[] = [];
  const header = (name: string, help: string, type: string) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`;
  return {
    counter(name, help) {
      const values = new Map<string, number>();
      metrics.push({ render: () => header(name, help, "counter") + [...values].map(([labels, value]) => `${name}${labels} ${value}\n`).join("") });
      return {
        inc(labels = {}, by = 1) {
          const key = labelText(labels);
          values.set(key, (values.get(key) ?? 0) + by);
        },
      };
    },
    histogram(name, help) {
      const series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
      metrics.push({
        render: () =>
          header(name, help, "histogram") +
          [...series.values()]
            .map(({ labels, counts, sum, count }) => {
              const buckets = LATENCY_BUCKETS.map((bound, i) => `${name}_bucket${labelText(labels, `le="${bound}"`)} ${counts[i] ?? 0}\n`).join("");
              return `${buckets}${name}_bucket${labelText(labels, 'le="+Inf"')} ${count}\n${name}_sum${labelText(labels)} ${sum}\n${name}_count${labelText(labels)} ${count}\n`;
            })
            .join(""),
      });
      return {
        observe(labels, seconds) {
          const key = labelText(labels);
          let entry = series.get(key);
          if (!entry) {
            entry = { labels, counts: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
            series.set(key, entry);
          }
          // Cumulative buckets: an observation counts in its own bucket and every larger one.
          for (let i = 0; i < LATENCY_BUCKETS.length; i += 1) if (seconds <= (LATENCY_BUCKETS[i] ?? 0)) entry.counts[i] = (entry.counts[i] ?? 0) + 1;
          entry.sum += seconds;
          entry.count += 1;
        },
      };
    },
    collect(name, help, type, read) {
      metrics.push({ render: () => header(name, help, type) + read().map(({ labels, value }) => `${name}${labelText(labels)} ${value}\n`).join("") });
    },
    render: () => metrics.map((metric) => metric.render()).join(""),
  };
}

import { describe, expect, it } from "vitest";
import { createMetricsRegistry } from "./metrics";

describe("the metrics registry", () => {
  it("writes counters, cumulative histogram buckets and collected values in the Prometheus text format", () => {
    const registry = createMetricsRegistry();
    const calls = registry.counter("calls_total", "Calls.");
    const seconds = registry.histogram("call_seconds", "Call latency.");
    registry.collect("queue_depth", "Queue depth.", "gauge", () => [{ labels: {}, value: 7 }]);
    calls.inc({ route: "/a" });
    calls.inc({ route: "/a" });
    calls.inc({ route: 'odd"\\\npath' });
    seconds.observe({ route: "/a" }, 0.003);
    seconds.observe({ route: "/a" }, 0.2);
    const text = registry.render();
    expect(text).toContain("# HELP calls_total Calls.\n# TYPE calls_total counter\n");
    expect(text).toContain('calls_total{route="/a"} 2\n');
    expect(text).toContain('calls_total{route="odd\\"\\\\\\npath"} 1\n');
    expect(text).toContain("# TYPE call_seconds histogram\n");
    expect(text).toContain('call_seconds_bucket{route="/a",le="0.001"} 0\n');
    expect(text).toContain('call_seconds_bucket{route="/a",le="0.005"} 1\n');
    expect(text).toContain('call_seconds_bucket{route="/a",le="0.25"} 2\n');
    expect(text).toContain('call_seconds_bucket{route="/a",le="+Inf"} 2\n');
    expect(text).toContain('call_seconds_sum{route="/a"} 0.203\n');
    expect(text).toContain('call_seconds_count{route="/a"} 2\n');
    expect(text).toContain("# TYPE queue_depth gauge\nqueue_depth 7\n");
  });
});

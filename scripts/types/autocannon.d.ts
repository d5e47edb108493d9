/** The part of autocannon 8's API that scripts/bench-server.ts and scripts/lib/bench-load.ts use (the package ships no types). */
declare module 'autocannon' {
  export interface Histogram {
    average: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p99: number;
  }

  export interface Result {
    /** Seconds, counted in whole ticks of autocannon's one-second timer. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    latency: Histogram;
    requests: Histogram & { total: number };
    statusCodeStats: Record<string, { count: number | string }>;
  }

  export interface RawRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  export interface Options {
    url: string;
    connections?: number;
    amount?: number;
    duration?: number;
    /** Seconds a response may take before it counts as a timeout (default 10). */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: { method?: string; path?: string; setupRequest?: (request: RawRequest) => RawRequest }[];
  }

  export interface Instance extends PromiseLike<Result> {
    stop: () => void;
    on: (event: 'response', listener: (client: unknown, statusCode: number) => void) => void;
  }

  export default function autocannon(options: Options): Instance;
}

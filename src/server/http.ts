import { z } from 'zod';

/** JSON responses with a message a person can act on. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export const problem = (status: number, message: string, details?: unknown): Response =>
  json(status, { error: message, ...(details === undefined ? {} : { details }) });

export class HttpError extends Error {
  readonly status: number;
  readonly details: unknown;
  constructor(status: number, message: string, details?: unknown) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a body up to a size limit (413 beyond it), so a huge upload is never buffered whole. */
export async function readBody(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new HttpError(413, `The request is too large: the limit is ${String(limit / 1024)} KB.`);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, `The request is too large: the limit is ${String(limit / 1024)} KB.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body against a strict schema: 400 for bad JSON, 422 naming each wrong field. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>, limit = MAX_BODY_BYTES): Promise<T> {
  if (!(request.headers.get('content-type') ?? '').includes('application/json'))
    throw new HttpError(415, 'Send the body as JSON (Content-Type: application/json).');
  const text = await readBody(request, limit);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new HttpError(
      422,
      'Some fields are missing or wrong.',
      parsed.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })),
    );
  return parsed.data;
}

/** Runs a handler, turning HttpError into its response; anything else is a 500 with no internals. */
export async function handle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof HttpError) return problem(error.status, error.message, error.details);
    console.error(error);
    return problem(
      500,
      'Something went wrong on the server. Your work is still saved on your device; try again later.',
    );
  }
}

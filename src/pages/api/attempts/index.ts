import type { APIRoute } from 'astro';
import { postAttempt } from '../../../server/api/attempts.ts';
import { getServer } from '../../../server/runtime.ts';

export const prerender = false;

export const POST: APIRoute = async ({ request }) => postAttempt(request, await getServer());

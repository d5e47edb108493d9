import type { APIRoute } from 'astro';
import { handle, HttpError } from '../../../../server/http.ts';
import { getServer } from '../../../../server/runtime.ts';
import { isTrainer, viewerOf } from '../../../../server/session.ts';
import { cohortCsv } from '../../../../server/trainer/export.ts';
import { notFound } from '../../../../server/trainer/not-found.ts';

export const prerender = false;

/** GET /trainer/cohorts/:id/export.csv: the cohort's results as a spreadsheet-safe CSV download. */
export const GET: APIRoute = ({ params, request, url, redirect }) =>
  handle(async () => {
    const server = await getServer();
    const viewer = await viewerOf(server.auth, request.headers);
    if (!viewer) return redirect(`/sign-in/?next=${encodeURIComponent(url.pathname)}`, 303);
    if (!isTrainer(viewer)) throw new HttpError(403, 'Only trainers can download a cohort’s results.');
    const csv = await cohortCsv(server.connection.db, {
      trainerId: viewer.id,
      cohortId: params['id'] ?? '',
      scenarios: server.scenarios(),
    });
    if (!csv) return notFound();
    return new Response(csv.body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csv.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });

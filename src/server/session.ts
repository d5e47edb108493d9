import type { Auth, Role } from './auth.ts';
import { HttpError } from './http.ts';

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** The signed-in person, or undefined. */
export async function viewerOf(auth: Auth, headers: Headers): Promise<Viewer | undefined> {
  const session = await auth.api.getSession({ headers });
  if (!session) return undefined;
  const user = session.user as typeof session.user & { role?: string };
  const role: Role = user.role === 'trainer' || user.role === 'admin' ? user.role : 'learner';
  return { id: user.id, name: user.name, email: user.email, role };
}

/** 401 when signed out; 403 when signed in without one of the roles. */
export async function requireViewer(auth: Auth, headers: Headers, roles?: Role[]): Promise<Viewer> {
  const viewer = await viewerOf(auth, headers);
  if (!viewer) throw new HttpError(401, 'Sign in first.');
  if (roles && !roles.includes(viewer.role)) throw new HttpError(403, 'Your account cannot do this.');
  return viewer;
}

export const isTrainer = (viewer: Viewer): boolean => viewer.role === 'trainer' || viewer.role === 'admin';

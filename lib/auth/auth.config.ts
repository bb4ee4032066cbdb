import type { NextAuthConfig } from 'next-auth';
import type { UserRole } from '@/db/schema/identity';
import { sameOriginRedirect } from '@/lib/identity/callback-url';

/**
 * The edge-safe half of the Auth.js config (no database, no password hashing), shared by the proxy and
 * by lib/auth/auth.ts. Authorization itself happens in the data path (lib/auth/session.ts), never only here.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: '/sign-in' },
  session: { strategy: 'jwt', maxAge: 60 * 60 * 12 },
  providers: [],
  callbacks: {
    // Every callbackUrl that reaches Auth.js itself (/api/auth/…) passes the same same-origin check.
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl);
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = String(token.uid);
      session.user.role = token.role;
      session.user.sessionVersion = token.sv;
      return session;
    },
  },
} satisfies NextAuthConfig;

declare module 'next-auth' {
  interface User {
    role: UserRole;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; role: UserRole; sessionVersion: number; name?: string | null; email?: string | null };
  }
}

// Augmenting 'next-auth/jwt' fails with TS2664 on this version (shared/STACK-NOTES.md).
declare module '@auth/core/jwt' {
  interface JWT {
    uid: number;
    role: UserRole;
    sv: number;
  }
}

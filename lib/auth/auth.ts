import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { verifyCredentials } from '@/lib/identity/mutations';
import { emailSchema } from '@/lib/identity/schemas';
import { log } from '@/lib/logging/logger';
import { authConfig } from './auth.config';
import { authSecret } from './secret';

const credentialsSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

class TooManyAttempts extends CredentialsSignin {
  code = 'too_many_attempts';
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  secret: authSecret(),
  // A wrong password is an expected outcome, not a server error worth a stack trace in the log.
  logger: {
    error(error) {
      // Auth.js errors carry their kind in `type` (class names do not survive minification).
      if ((error as { type?: string }).type !== 'CredentialsSignin') log.error({ err: error, module: 'auth' }, 'auth error');
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        // Auth.js adds its own fields (callbackUrl…), so this parse is not strict; the action's is.
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        try {
          // The sign-in action's signIn() forwards the incoming request's headers into this request.
          const address = clientAddress(request.headers);
          const actor = await verifyCredentials(getDb(), { ...parsed.data, address });
          if (!actor) return null;
          return {
            id: String(actor.userId),
            email: actor.email,
            name: actor.name,
            role: actor.role,
            sessionVersion: actor.sessionVersion,
          };
        } catch (error) {
          if (error instanceof DomainError && error.code === 'tooManyAttempts') throw new TooManyAttempts();
          throw error;
        }
      },
    }),
  ],
});

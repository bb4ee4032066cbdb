import { z } from 'zod';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'validation.required')
  .max(254, 'validation.invalid')
  .pipe(z.email('validation.email'));

export const signInSchema = z
  .object({
    email: emailSchema,
    password: z.string().min(1, 'validation.required').max(200),
    callbackUrl: z.string().max(500).optional(),
  })
  .strict();

/** The rules for a password a person chooses (sign-up and password reset alike). */
export const newPasswordSchema = z.string().min(8, 'validation.tooShort').max(200);
const samePasswords = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const passwordsDiffer = { message: 'validation.passwordsDiffer', path: ['confirmPassword'] };

export const signUpSchema = z
  .object({
    // A lone UTF-16 surrogate is no text: it cannot go into the verification mail's JSON payload.
    name: z.string().trim().min(1, 'validation.required').max(120).refine((v) => v.isWellFormed(), 'validation.invalid'),
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string().max(200),
    callbackUrl: z.string().max(500).optional(),
  })
  .strict()
  .refine(samePasswords, passwordsDiffer);

export const requestPasswordResetSchema = z.object({ email: emailSchema }).strict();

export const resetPasswordSchema = z
  .object({
    // Its shape is checked where it is used (an unknown token is an answer, not a field error).
    token: z.string().max(100, 'validation.invalid'),
    password: newPasswordSchema,
    confirmPassword: z.string().max(200),
  })
  .strict()
  .refine(samePasswords, passwordsDiffer);

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

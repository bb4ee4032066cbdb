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

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(120),
    email: emailSchema,
    password: z.string().min(8, 'validation.tooShort').max(200),
    confirmPassword: z.string().max(200),
    callbackUrl: z.string().max(500).optional(),
  })
  .strict()
  .refine((v) => v.password === v.confirmPassword, { message: 'validation.passwordsDiffer', path: ['confirmPassword'] });

export type SignInInput = z.infer<typeof signInSchema>;
export type SignUpInput = z.infer<typeof signUpSchema>;

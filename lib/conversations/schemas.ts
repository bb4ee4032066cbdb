import { z } from 'zod';
import { idFromForm } from '@/lib/actions/form-numbers';

// Inputs of the conversation actions. A thread is never chosen by a customer: it follows from the
// session (their one thread) or from an order they may see. Staff name the thread; the data path
// checks that it is theirs to handle.

/** Longest message, as the DB CHECK (conversation_messages_body_length) allows. */
export const MESSAGE_MAX = 2000;

// Half of a UTF-16 surrogate pair: no character at all. Text columns take it, JSON (the notification
// payload) does not, so it would fail the answer's transaction later; refuse it at the edge.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Trimmed, 1..2000 characters; kept exactly as typed otherwise (it is shown as text, never as HTML). */
export const messageBodySchema = z
  .string('validation.messageRequired')
  .trim()
  .min(1, 'validation.messageRequired')
  .max(MESSAGE_MAX, 'validation.messageTooLong')
  .refine((body) => !LONE_SURROGATE.test(body), 'validation.invalid');

const threadId = z.uuid('validation.invalid');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The shopper writes: about an order (order page), or in their own thread (account page). */
export const customerMessageSchema = z
  .object({
    orderId: z.preprocess(blankToUndefined, z.uuid('validation.invalid').optional()),
    body: messageBodySchema,
  })
  .strict();
export type CustomerMessageInput = z.output<typeof customerMessageSchema>;

/** The shopper has the thread on screen: the staff answers count as read. */
export const customerReadSchema = z
  .object({ orderId: z.preprocess(blankToUndefined, z.uuid('validation.invalid').optional()) })
  .strict();
export type CustomerReadInput = z.output<typeof customerReadSchema>;

/** A clerk or admin answers in a thread (web chat; the customer is notified). */
export const staffReplySchema = z.object({ threadId, body: messageBodySchema }).strict();
export type StaffReplyInput = z.output<typeof staffReplySchema>;

export const NOTE_CHANNELS = ['phone_note', 'in_store_note'] as const;
export type NoteChannel = (typeof NOTE_CHANNELS)[number];

/**
 * A note of a phone call or an in-store talk, in a thread — or for a customer who has none yet
 * (`customerId`, e.g. the customer being served at the counter). Exactly one of the two.
 */
export const staffNoteSchema = z
  .object({
    threadId: z.preprocess(blankToUndefined, threadId.optional()),
    customerId: z.preprocess(blankToUndefined, idFromForm().optional()),
    channel: z.enum(NOTE_CHANNELS, 'validation.choice'),
    body: messageBodySchema,
  })
  .strict()
  .refine((v) => (v.threadId === undefined) !== (v.customerId === undefined), { message: 'validation.invalid' });
export type StaffNoteInput = z.output<typeof staffNoteSchema>;

/** "Assign to me" / "Unassign". */
export const assignThreadSchema = z.object({ threadId, assignee: z.enum(['me', 'nobody'], 'validation.choice') }).strict();
export type AssignThreadInput = z.output<typeof assignThreadSchema>;

/** "Close thread" / "Reopen". */
export const threadStatusSchema = z.object({ threadId, status: z.enum(['open', 'closed'], 'validation.choice') }).strict();
export type ThreadStatusInput = z.output<typeof threadStatusSchema>;

/** Staff have the thread on screen: the customer's messages count as read. */
export const staffReadSchema = z.object({ threadId }).strict();

'use client';

import { useFormStatus } from 'react-dom';
import { useEffect, type ComponentProps } from 'react';
import { Button } from './button';
import { reportActionPending } from './router-gate';
import { Spinner } from './spinner';

/** A submit button that disables itself while its form is pending, so two clicks make one request. */
export function SubmitButton({
  children,
  pendingLabel,
  disabled,
  ...props
}: ComponentProps<typeof Button> & { pendingLabel?: string }) {
  const { pending } = useFormStatus();
  // Live refreshes wait for this form's action (components/ui/router-gate.ts).
  useEffect(() => (pending ? reportActionPending() : undefined), [pending]);
  return (
    <Button type="submit" disabled={pending || disabled} aria-disabled={pending || disabled} {...props}>
      {pending && <Spinner />}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}

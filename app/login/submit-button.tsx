'use client';
// The only client code on the login page: disables the buttons while an action runs, so a double
// click does not count as two failed attempts.
import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

interface SubmitButtonProps {
  children: ReactNode;
  className?: string;
  /** A different server action for this button (the SSO button shares the password form). */
  formAction?: (formData: FormData) => Promise<void>;
}

export function SubmitButton({ children, className, formAction }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={className}
      disabled={pending}
      formAction={formAction}
      // SSO needs no username or password, so the browser must not insist on them.
      formNoValidate={formAction !== undefined}
    >
      {children}
    </button>
  );
}

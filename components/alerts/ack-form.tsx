'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { AlertAckDto } from '@/lib/dto/alerts';
import { postAcknowledgement } from '@/lib/queries/alerts';
import styles from './alerts.module.css';

/** Inline "acknowledge with comment" form; focused when opened (by click or the `a` key). */
export function AckForm({
  alertId,
  onDone,
  onCancel,
}: {
  alertId: string;
  onDone: (ack: AlertAckDto) => void;
  onCancel: () => void;
}) {
  const [comment, setComment] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: () => postAcknowledgement(alertId, { comment }),
    onSuccess: (result) => onDone(result.ack),
  });

  useEffect(() => input.current?.focus(), []);

  return (
    <form
      className={styles.ackForm}
      data-testid="ack-form"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <label className="visually-hidden" htmlFor={`ack-comment-${alertId}`}>
        Comment
      </label>
      <input
        id={`ack-comment-${alertId}`}
        ref={input}
        value={comment}
        maxLength={500}
        placeholder="Comment (optional)"
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="submit" className="primary" disabled={mutation.isPending}>
        {mutation.isPending ? 'Saving…' : 'Confirm acknowledge'}
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {mutation.error && (
        <span className="error small" data-testid="ack-error">
          {mutation.error.message}
        </span>
      )}
    </form>
  );
}

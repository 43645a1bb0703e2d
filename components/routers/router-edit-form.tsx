'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import type { RouterChangesInput, RouterDetailDto } from '@/lib/dto/routers';
import { HttpError } from '@/lib/dto/errors';
import { groupOptionsQuery, patchRouter } from '@/lib/queries/routers';

/** Sends only what changed, so a concurrent edit of another field is not overwritten. */
function diff(router: RouterDetailDto, name: string, description: string, groupId: string): RouterChangesInput {
  const changes: RouterChangesInput = {};
  if (name.trim() !== router.name) changes.name = name.trim();
  if (description !== router.description) changes.description = description;
  if ((groupId || null) !== router.groupId) changes.groupId = groupId || null;
  return changes;
}

export function RouterEditForm({ router, disabledReason }: { router: RouterDetailDto; disabledReason?: string }) {
  const [name, setName] = useState(router.name);
  const [description, setDescription] = useState(router.description);
  const [groupId, setGroupId] = useState(router.groupId ?? '');
  const navigation = useRouter();
  const groups = useQuery(groupOptionsQuery());
  const sameAccount = (groups.data ?? []).filter((g) => !router.accountId || g.accountId === router.accountId);

  const mutation = useMutation({
    mutationFn: (changes: RouterChangesInput) => patchRouter(router.id, changes),
    // The page is server-rendered from the shared reads, which our write updated: re-render it.
    onSuccess: () => navigation.refresh(),
  });

  const changes = diff(router, name, description, groupId);
  const dirty = Object.keys(changes).length > 0;
  const fieldError = (path: string) =>
    mutation.error instanceof HttpError ? mutation.error.details?.find((d) => d.path === path)?.message : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (dirty && !disabledReason) mutation.mutate(changes);
  }

  return (
    <form className="form" onSubmit={onSubmit} aria-describedby="edit-status" data-testid="router-edit-form">
      {disabledReason && (
        <p className="banner warn" data-testid="edit-disabled-reason">
          {disabledReason}
        </p>
      )}
      <fieldset disabled={Boolean(disabledReason)} className="plain-fieldset">
        <div className="field">
          <label htmlFor="router-name-input">Name</label>
          <input
            id="router-name-input"
            name="name"
            value={name}
            maxLength={100}
            required
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(fieldError('name'))}
          />
          {fieldError('name') && (
            <span className="error small" data-testid="field-error-name">
              {fieldError('name')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="router-description-input">Description</label>
          <textarea
            id="router-description-input"
            name="description"
            value={description}
            maxLength={1000}
            onChange={(e) => setDescription(e.target.value)}
            aria-invalid={Boolean(fieldError('description'))}
          />
          {fieldError('description') && (
            <span className="error small" data-testid="field-error-description">
              {fieldError('description')}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="router-group-input">Group</label>
          <select id="router-group-input" name="groupId" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">No group</option>
            {router.groupId && !sameAccount.some((g) => g.id === router.groupId) && (
              <option value={router.groupId}>{router.groupName ?? `Group ${router.groupId}`}</option>
            )}
            {sameAccount.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {groups.isError && (
            <span className="small muted">The group list could not be loaded; the group stays as it is.</span>
          )}
          {fieldError('groupId') && (
            <span className="error small" data-testid="field-error-groupId">
              {fieldError('groupId')}
            </span>
          )}
        </div>
        <div className="toolbar">
          <button type="submit" className="primary" disabled={!dirty || mutation.isPending}>
            {mutation.isPending ? 'Saving…' : 'Save changes'}
          </button>
          <button
            type="button"
            disabled={!dirty || mutation.isPending}
            onClick={() => {
              setName(router.name);
              setDescription(router.description);
              setGroupId(router.groupId ?? '');
              mutation.reset();
            }}
          >
            Discard
          </button>
        </div>
      </fieldset>
      <p id="edit-status" role="status" aria-live="polite" data-testid="edit-status">
        {mutation.isSuccess && !dirty && <span className="banner ok">Saved to NCM.</span>}
        {mutation.error && (
          <span className="banner error">
            {mutation.error.message}
            {mutation.error instanceof HttpError && mutation.error.status >= 500
              ? ' The change may or may not have reached NCM; reload to check before trying again.'
              : ''}
          </span>
        )}
      </p>
    </form>
  );
}

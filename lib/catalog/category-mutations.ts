import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { categories } from '@/db/schema';
import { changedFields, recordAudit } from '@/lib/audit/record';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/identity/queries';
import type { CategoryInput } from './admin-schemas';
import { assertAdmin } from './product-mutations';
import { violatedUniqueIndex } from './unique';

function slugError(error: unknown, slug: string): unknown {
  return violatedUniqueIndex(error) === 'categories_slug_idx' ? new DomainError('catalog.categorySlugTaken', { slug }, 'slug') : error;
}

async function assertSlugFree(tx: DbOrTx, slug: string, exceptId?: number): Promise<void> {
  const [row] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug));
  if (row && row.id !== exceptId) throw new DomainError('catalog.categorySlugTaken', { slug }, 'slug');
}

/** Adds a category at the end of the display order (admin only), audited. */
export async function createCategory(db: DbOrTx, input: CategoryInput, actor: Actor): Promise<{ id: number }> {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertSlugFree(tx, input.slug);
      const all = await tx.select({ sortOrder: categories.sortOrder }).from(categories);
      const sortOrder = all.reduce((max, c) => Math.max(max, c.sortOrder), -1) + 1;
      const [row] = await tx.insert(categories).values({ ...input, sortOrder }).returning({ id: categories.id });
      await recordAudit(tx, actor, {
        action: 'category.created',
        entityType: 'category',
        entityId: row.id,
        summary: `Category ${input.nameEn} created`,
        after: { ...input, sortOrder },
      });
      return row;
    })
    .catch((e: unknown) => {
      throw slugError(e, input.slug);
    });
}

/** Renames a category (names and slug; admin only), audited with the changed fields. */
export async function updateCategory(db: DbOrTx, id: number, input: CategoryInput, actor: Actor): Promise<void> {
  assertAdmin(actor);
  await db
    .transaction(async (tx) => {
      const [current] = await tx
        .select({ nameNl: categories.nameNl, nameEn: categories.nameEn, slug: categories.slug })
        .from(categories)
        .where(eq(categories.id, id))
        .for('update');
      if (!current) throw new DomainError('notFound');
      await assertSlugFree(tx, input.slug, id);
      const diff = changedFields(current, input);
      if (diff.changed.length === 0) return;
      await tx.update(categories).set({ ...input, updatedAt: new Date() }).where(eq(categories.id, id));
      await recordAudit(tx, actor, {
        action: 'category.updated',
        entityType: 'category',
        entityId: id,
        summary: `Category ${input.nameEn}: ${diff.changed.join(', ')} changed`,
        before: diff.before,
        after: diff.after,
      });
    })
    .catch((e: unknown) => {
      throw slugError(e, input.slug);
    });
}

/**
 * Moves a category one place up or down in the display order (admin only), audited. The order is
 * renumbered 0…n-1 on the way, so equal or sparse sort numbers (old data) still move predictably.
 * At the top (or bottom) nothing changes.
 */
export async function moveCategory(db: DbOrTx, id: number, direction: 'up' | 'down', actor: Actor): Promise<void> {
  assertAdmin(actor);
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: categories.id, nameEn: categories.nameEn, sortOrder: categories.sortOrder })
      .from(categories)
      .orderBy(asc(categories.sortOrder), asc(categories.nameEn), asc(categories.id))
      .for('update');
    const index = rows.findIndex((r) => r.id === id);
    if (index === -1) throw new DomainError('notFound');
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= rows.length) return;
    const order = rows.map((r) => r.id);
    [order[index], order[target]] = [order[target], order[index]];
    for (const [position, categoryId] of order.entries()) {
      const row = rows.find((r) => r.id === categoryId)!;
      if (row.sortOrder !== position) await tx.update(categories).set({ sortOrder: position }).where(eq(categories.id, categoryId));
    }
    await recordAudit(tx, actor, {
      action: 'category.moved',
      entityType: 'category',
      entityId: id,
      summary: `Category ${rows[index].nameEn} moved ${direction}`,
      before: { position: index + 1 },
      after: { position: target + 1 },
    });
  });
}

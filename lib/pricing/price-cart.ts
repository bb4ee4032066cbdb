import { allocateLargestRemainder } from './allocation';
import { amsterdamClock, type AmsterdamClock } from './amsterdam';
import {
  isPromotionValueValid,
  normalizeCode,
  promotionAppliesToChannel,
  promotionCode,
  promotionDiscountForLine,
  promotionTitle,
  targetRefMatchesLine,
} from './promotions';
import { DEFAULT_PRICING_CONFIG } from './config';
import { roundDiv } from './rounding';
import { shippingCents as computeShipping } from './shipping';
import type {
  AppliedPromotion,
  CodeRefusal,
  CodeRefusalReason,
  CustomerFacts,
  LocalizedText,
  PriceContext,
  PriceLineInput,
  PricedCart,
  PricedLine,
  PricingConfig,
  PromotionCandidate,
  PromotionCombination,
  PromotionScope,
  PromotionRef,
  PromotionTargetRef,
  Saving,
  StaffDiscountInput,
  VatLine,
} from './types';
import { vatIncluded } from './vat';

function assertLine(line: PriceLineInput, index: number, vatRatesBp: PricingConfig['vatRatesBp']): void {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new RangeError(`line ${index}: quantity must be a positive integer, got ${line.quantity}`);
  }
  if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
    throw new RangeError(`line ${index}: unitPriceCents must be a non-negative integer, got ${line.unitPriceCents}`);
  }
  if (!Object.hasOwn(vatRatesBp, line.taxClass)) {
    throw new RangeError(`line ${index}: unknown tax class ${String(line.taxClass)}`);
  }
}

function assertStaff(d: StaffDiscountInput, where: string): void {
  const ok = Number.isSafeInteger(d.value) && d.value >= 1 && (d.kind === 'fixed_amount' || (d.kind === 'percentage' && d.value <= 100));
  if (!ok) throw new RangeError(`${where}: staff discount must be a percentage 1..100 or an amount ≥ 1 cent`);
}

const STAFF_TITLE: LocalizedText = Object.freeze({ en: 'Staff discount', nl: 'Personeelskorting' });

/** Anonymous guest: not known, first order, no loyalty membership. */
const GUEST: CustomerFacts = { signedIn: false, firstOrder: true, loyaltyMember: false };

/** A usable candidate, with the derived fields the plans need. */
interface Prepared {
  p: PromotionCandidate;
  scope: PromotionScope;
  combination: PromotionCombination;
  priority: number;
  code: string | null;
  ref: PromotionRef;
  /** Budget left (cents) or Infinity. */
  budgetLeft: number;
}

/** The running state of one plan (a set of promotions applied in order). */
interface PlanState {
  /** Variant id per line: the tie-break of every allocation, so line order never matters. */
  keys: number[];
  left: number[];
  reduced: boolean[];
  savings: Saving[][];
  applied: Map<number, AppliedPromotion>;
  staff: Saving[];
  shippingBefore: number;
  shipping: number;
  /** Promotions whose minimum was met in this plan (for code refusals). */
  metMinimum: Set<number>;
  considered: Set<number>;
}

/**
 * The one price function (DESIGN invariant 1). Pure: everything it needs is in its arguments — the
 * lines at catalog prices, the candidate promotions (with their usage so far, loaded by lib/promotions),
 * and the context (channel, instant, entered codes, fulfilment, customer facts, staff discounts, settings).
 *
 * 1. Eligibility. A candidate is usable when well-formed, active at `ctx.now` (half-open window
 *    [startsAt, endsAt), plus the optional weekly hours read in Europe/Amsterdam, [start, end) minutes),
 *    allowed in `ctx.channel` (null/[] = all), its customer condition and segment hold (`ctx.customer`,
 *    default a guest), it is not an experiment variant the person is not assigned to
 *    (`ctx.experimentVariants`), its limits are not reached (total uses, budget; per customer: needs `ctx.customerId`; a
 *    campaign code's own uses, `codeUsesLeft`), no other usable candidate has its id (one promotion
 *    entered with two codes applies once: the first in candidate order), and —
 *    when it has a code — that code is among the first `ctx.maxCodes` of `ctx.codes` (trimmed,
 *    case-insensitive). Minimum goods total / items are checked when the promotion is applied, on the
 *    lines it targets, on what earlier promotions left (inclusive: exactly the minimum qualifies).
 * 2. Plans. The engine prices these alternatives and keeps the one with the lowest total (a tie keeps
 *    the earlier one, in this order):
 *    a. exclusive item promotions: each line gets the single one with the largest discount for it (a tie
 *       goes to the higher priority, then the lower id) — exactly the rule from before the engine;
 *    b. the stack: the non-exclusive promotions, taken in priority order (higher first, then lower id),
 *       each joining when it is compatible with those already in (with_codes: only beside code
 *       promotions); applied one after the other on what is left — line promotions (item, BXGY) first,
 *       then order promotions, then shipping promotions, each phase in priority order;
 *    c. every other exclusive promotion (order, shipping, BXGY) on its own.
 * 3. Rules per kind (rounded once per line, half away from zero):
 *    - item: promotionDiscountForLine (percentage / fixed per unit / fixed per line, max units per line);
 *      cheapest_line → only the targeted line with the lowest unit price (then lowest variant id);
 *      skipReducedLines → lines an earlier promotion of the plan reduced are skipped.
 *    - BXGY: applications k = ⌊units / (X+Y)⌋ with one pool ("3 for 2"), or min(⌊buy/X⌋, ⌊get/Y⌋) with
 *      separate get targets (a unit that is a "get" unit never counts as "buy"); at most maxApplications;
 *      the k·Y cheapest get units (by what is left per unit, then variant id) are discounted by value.
 *    - order: percentage of / fixed off the goods left on the targeted lines, allocated over those lines
 *      pro rata to what is left of each by the largest-remainder rule (allocation.ts), so the parts add
 *      up exactly and no line goes below zero.
 *    - shipping: free (percentage 100) / percentage / amount off the delivery fee that shipping.ts
 *      computes on the discounted goods total; only with fulfilment 'delivery'.
 *    - budget: a promotion never gives more than its budget left; a capped discount is spread over its
 *      lines by the same largest-remainder rule.
 * 4. Staff discounts (`ctx.staffDiscounts`) are explicit: per line after the promotions, then the cart
 *    discount on what is left, allocated like an order discount. Every plan includes them.
 * 5. VAT is computed per line on the line total (after every discount), and for shipping at the
 *    standard rate; the VAT lines sum exactly to what the lines and shipping contain.
 * 6. Codes: `accepted` when its promotion is usable for this cart (even if it saves nothing, e.g. a
 *    better exclusive one won); else `rejected` with a reason in `refusals`.
 *
 * @throws RangeError when a quantity is not a positive integer, a unit price not a non-negative
 *   integer, or a staff discount malformed (callers validate with zod first; this is a safety net).
 */
export function priceCart(lines: PriceLineInput[], promotions: PromotionCandidate[], ctx: PriceContext): PricedCart {
  const config = ctx.pricing ?? DEFAULT_PRICING_CONFIG;
  const rates = config.vatRatesBp;
  lines.forEach((line, i) => assertLine(line, i, rates));
  const staffLines = ctx.staffDiscounts?.lines ?? null;
  const staffCart = ctx.staffDiscounts?.cart ?? null;
  if (staffLines) for (const [k, d] of Object.entries(staffLines)) assertStaff(d, `line ${k}`);
  if (staffCart) assertStaff(staffCart, 'cart');

  const facts = ctx.customer ?? GUEST;
  const allCodes = [...new Set((ctx.codes ?? []).map(normalizeCode).filter((c) => c !== ''))];
  const maxCodes = ctx.maxCodes ?? Infinity;
  const enteredCodes = allCodes.slice(0, maxCodes);
  const entered = new Set(enteredCodes);
  const refusals = new Map<string, CodeRefusal>();
  for (const c of allCodes.slice(maxCodes)) refusals.set(c, { code: c, reason: 'too_many_codes' });

  // --- 1. eligibility -------------------------------------------------------------------------
  let clock: AmsterdamClock | null = null;
  const t = ctx.now.getTime();
  const usable: Prepared[] = [];
  const codeOwners = new Map<string, Prepared>();
  const usableIds = new Set<number>();
  for (const p of promotions) {
    const code = promotionCode(p);
    if (code !== null && !entered.has(code)) continue; // not entered: not a candidate (cheap skip)
    if (!isPromotionValueValid(p)) continue; // malformed: as if it did not exist
    const refuse = (reason: CodeRefusalReason) => {
      if (code !== null && !refusals.has(code)) refusals.set(code, { code, reason });
    };
    if (p.startsAt !== null && t < p.startsAt.getTime()) { refuse('not_yet_valid'); continue; }
    if (p.endsAt !== null && t >= p.endsAt.getTime()) { refuse('expired'); continue; }
    if (!promotionAppliesToChannel(p, ctx.channel)) { refuse('wrong_channel'); continue; }
    if ((p.weekdays && p.weekdays.length > 0) || (p.dailyStartMinute != null && p.dailyEndMinute != null)) {
      clock ??= amsterdamClock(ctx.now);
      if (p.weekdays && p.weekdays.length > 0 && !p.weekdays.includes(clock.weekday)) { refuse('not_now'); continue; }
      if (p.dailyStartMinute != null && p.dailyEndMinute != null && (clock.minute < p.dailyStartMinute || clock.minute >= p.dailyEndMinute)) {
        refuse('not_now');
        continue;
      }
    }
    // An experiment's variant is a price only for the people assigned to it (S11).
    if (p.experiment && ctx.experimentVariants?.[p.experiment.experimentId] !== p.experiment.variantId) { refuse('not_for_customer'); continue; }
    const cond = p.customerCondition ?? 'any';
    if ((cond === 'signed_in' && !facts.signedIn) || (cond === 'first_order' && !facts.firstOrder) || (cond === 'loyalty_member' && !facts.loyaltyMember)) {
      refuse('not_for_customer');
      continue;
    }
    if (p.customerSegment && !(facts.segments ?? []).includes(p.customerSegment)) { refuse('not_for_customer'); continue; }
    const usage = p.usage ?? { usedCount: 0, discountGivenCents: 0, usedByCustomer: 0 };
    if (p.usageLimit != null && usage.usedCount >= p.usageLimit) { refuse('used_up'); continue; }
    const budgetLeft = p.budgetCents != null ? p.budgetCents - usage.discountGivenCents : Infinity;
    if (budgetLeft <= 0) { refuse('used_up'); continue; }
    if (p.perCustomerLimit != null) {
      if (ctx.customerId == null) { refuse('not_for_customer'); continue; }
      if (usage.usedByCustomer >= p.perCustomerLimit) { refuse('already_used'); continue; }
    }
    if (p.codeUsesLeft != null && p.codeUsesLeft <= 0) { refuse('used_up'); continue; }
    // Two codes of one promotion (its own and a campaign code, or two campaign codes): it applies once.
    if (usableIds.has(p.id)) { refuse('same_promotion'); continue; }
    usableIds.add(p.id);
    const prepared: Prepared = {
      p,
      scope: p.scope ?? 'item',
      combination: p.combination ?? 'exclusive',
      priority: p.priority ?? 0,
      code,
      ref: { id: p.id, name: p.name, title: promotionTitle(p), code },
      budgetLeft,
    };
    usable.push(prepared);
    if (code !== null) codeOwners.set(code, prepared);
  }
  usable.sort((a, b) => b.priority - a.priority || a.p.id - b.p.id);

  // Which lines each usable promotion targets, computed once for all plans.
  const matches = new Map<number, boolean[]>();
  const index = indexLines(lines);
  for (const u of usable) matches.set(u.p.id, targetMask(index, lines.length, u.p));

  // --- 2. plans -------------------------------------------------------------------------------
  const plans: PlanState[] = [];
  const keys = lines.map((l) => l.variantId);
  const newPlan = (): PlanState => ({
    keys,
    left: lines.map((l) => l.unitPriceCents * l.quantity),
    reduced: lines.map(() => false),
    savings: lines.map(() => []),
    applied: new Map(),
    staff: [],
    shippingBefore: 0,
    shipping: 0,
    metMinimum: new Set(),
    considered: new Set(),
  });
  const env: Env = { lines, matches, ctx, config, staffLines, staffCart };

  // a. exclusive item promotions, best per line
  const exclusiveItems = usable.filter((u) => u.combination === 'exclusive' && u.scope === 'item');
  {
    const plan = newPlan();
    const perLine: { u: Prepared; amount: number }[][] = lines.map(() => []);
    for (const u of exclusiveItems) {
      const offers = itemOffers(env, plan, u);
      if (offers === null) continue;
      offers.forEach((amount, i) => { if (amount > 0) perLine[i].push({ u, amount }); });
    }
    // Lines in variant order (not input order): a budget running out lands on the same line whatever
    // the order of the cart.
    const byVariant = lines.map((_, i) => i).sort((a, b) => lines[a].variantId - lines[b].variantId || a - b);
    byVariant.forEach((i) => {
      let best: { u: Prepared; amount: number } | null = null;
      for (const o of perLine[i]) if (best === null || o.amount > best.amount) best = o; // usable is in tie order
      if (best) {
        // one line at a time; applyLineAmounts caps the promotion at its budget left
        applyLineAmounts(plan, best.u, lines.map((__, j) => (j === i ? best.amount : 0)));
      }
    });
    finishPlan(env, plan);
    plans.push(plan);
  }

  // b. the stack of combinable promotions
  const stack: Prepared[] = [];
  let stackHasWithCodes = false;
  for (const u of usable) {
    if (u.combination === 'exclusive') continue;
    if (u.combination === 'with_codes' && stack.some((s) => s.code === null)) continue;
    if (u.code === null && stackHasWithCodes) continue;
    stack.push(u);
    if (u.combination === 'with_codes') stackHasWithCodes = true;
  }
  if (stack.length > 0) plans.push(runPlan(env, newPlan(), stack));

  // c. other exclusive promotions, each alone — skipped when even its largest possible saving cannot
  // beat the best plan so far (a plan's total is never below subtotal − that saving; a tie keeps the
  // earlier plan anyway). A skipped code promotion still has its minimum checked, for the refusal.
  let chosen = plans[0];
  let chosenTotal = planTotal(chosen);
  for (const plan of plans) {
    const total = planTotal(plan);
    if (total < chosenTotal) {
      chosen = plan;
      chosenTotal = total;
    }
  }
  const subtotal = lines.reduce((a, l) => a + l.unitPriceCents * l.quantity, 0);
  const fresh = newPlan();
  for (const u of usable) {
    if (u.combination !== 'exclusive' || u.scope === 'item') continue;
    const most = u.scope !== 'order' ? subtotal : u.p.kind === 'percentage' ? roundDiv(subtotal * u.p.value, 100) : u.p.value;
    const bound = u.scope === 'shipping' ? 0 : Math.min(subtotal, u.budgetLeft, most);
    if (subtotal - bound >= chosenTotal) {
      if (u.code !== null) minimumMet(env, fresh, u, env.matches.get(u.p.id) as boolean[]);
      continue;
    }
    const plan = runPlan(env, newPlan(), [u]);
    plans.push(plan);
    const total = planTotal(plan);
    if (total < chosenTotal) {
      chosen = plan;
      chosenTotal = total;
    }
  }
  plans.push(fresh); // only for the refusal sets below, never chosen

  // Code refusals that depend on the cart: a minimum not met in any plan that considered the code.
  const considered = new Set<number>();
  const met = new Set<number>();
  for (const plan of plans) {
    plan.considered.forEach((id) => considered.add(id));
    plan.metMinimum.forEach((id) => met.add(id));
  }
  for (const [code, u] of codeOwners) {
    if (considered.has(u.p.id) && !met.has(u.p.id) && !refusals.has(code)) {
      refusals.set(code, { code, reason: 'minimum_not_reached', minSubtotalCents: u.p.minSubtotalCents ?? null, minItems: u.p.minItems ?? null });
    }
  }
  for (const c of enteredCodes) if (!codeOwners.has(c) && !refusals.has(c)) refusals.set(c, { code: c, reason: 'unknown' });

  return buildResult(env, chosen, allCodes, refusals);
}

interface LineIndex {
  category: Map<number, number[]>;
  product: Map<number, number[]>;
  variant: Map<number, number[]>;
}

function indexLines(lines: PriceLineInput[]): LineIndex {
  const index: LineIndex = { category: new Map(), product: new Map(), variant: new Map() };
  const add = (m: Map<number, number[]>, key: number, i: number) => {
    const list = m.get(key);
    if (list) list.push(i);
    else m.set(key, [i]);
  };
  for (let i = 0; i < lines.length; i++) {
    add(index.category, lines[i].categoryId, i);
    add(index.product, lines[i].productId, i);
    add(index.variant, lines[i].variantId, i);
  }
  return index;
}

/** Which lines a promotion covers (promotionMatchesLine for every line, through the index). */
function targetMask(index: LineIndex, n: number, p: PromotionCandidate): boolean[] {
  const mask: boolean[] = new Array(n).fill(false);
  const mark = (ref: PromotionTargetRef, value: boolean) => {
    if (ref.type === 'all') {
      mask.fill(value);
      return;
    }
    if (ref.id === null) return;
    const list = index[ref.type].get(ref.id);
    if (list) for (const i of list) mask[i] = value;
  };
  mark({ type: p.target, id: p.targetId }, true);
  if (p.additionalTargets) for (const r of p.additionalTargets) mark(r, true);
  if (p.exclusions) for (const r of p.exclusions) mark(r, false);
  return mask;
}

interface Env {
  lines: PriceLineInput[];
  matches: Map<number, boolean[]>;
  ctx: PriceContext;
  config: PricingConfig;
  staffLines: Readonly<Record<number, StaffDiscountInput>> | null;
  staffCart: StaffDiscountInput | null;
}

/** Whether the minimum goods total / items hold on the given lines' remaining value. */
function minimumMet(env: Env, plan: PlanState, u: Prepared, lineMask: boolean[]): boolean {
  plan.considered.add(u.p.id);
  const { minSubtotalCents, minItems } = u.p;
  if (minSubtotalCents == null && minItems == null) {
    plan.metMinimum.add(u.p.id);
    return true;
  }
  let value = 0;
  let units = 0;
  for (let i = 0; i < lineMask.length; i++) {
    if (!lineMask[i]) continue;
    value += plan.left[i];
    units += env.lines[i].quantity;
  }
  const ok = (minSubtotalCents == null || value >= minSubtotalCents) && (minItems == null || units >= minItems);
  if (ok) plan.metMinimum.add(u.p.id);
  return ok;
}

/** Item promotion: the discount it would give each line in this plan's state, or null when its minimum fails. */
function itemOffers(env: Env, plan: PlanState, u: Prepared): number[] | null {
  const base = env.matches.get(u.p.id) as boolean[];
  const mask = u.p.skipReducedLines ? base.map((m, i) => m && !plan.reduced[i]) : base;
  if (!minimumMet(env, plan, u, mask)) return null;
  let only = -1;
  if ((u.p.application ?? 'each_line') === 'cheapest_line') {
    mask.forEach((m, i) => {
      if (!m) return;
      const l = env.lines[i];
      const o = only < 0 ? null : env.lines[only];
      if (o === null || l.unitPriceCents < o.unitPriceCents || (l.unitPriceCents === o.unitPriceCents && l.variantId < o.variantId)) only = i;
    });
  }
  return env.lines.map((l, i) => (mask[i] && (only < 0 || only === i) ? promotionDiscountForLine(u.p, l, plan.left[i]) : 0));
}

/** BXGY: the discount per line for the cheapest "get" units, or null when the minimum fails. */
function bxgyOffers(env: Env, plan: PlanState, u: Prepared): number[] | null {
  const { lines } = env;
  const buyMask = env.matches.get(u.p.id) as boolean[];
  const getTargets = u.p.getTargets ?? [];
  const separate = getTargets.length > 0;
  const exclusions = u.p.exclusions ?? [];
  const getMask = separate
    ? lines.map((l) => getTargets.some((r) => targetRefMatchesLine(r, l)) && !exclusions.some((r) => targetRefMatchesLine(r, l)))
    : buyMask;
  const pool = lines.map((_, i) => buyMask[i] || getMask[i]);
  if (!minimumMet(env, plan, u, pool)) return null;
  const X = u.p.buyQuantity as number;
  const Y = u.p.getQuantity as number;
  let getUnits = 0;
  let buyUnits = 0;
  lines.forEach((l, i) => {
    if (plan.left[i] <= 0 && getMask[i]) return; // nothing left to discount on a free line
    if (getMask[i]) getUnits += l.quantity;
    else if (buyMask[i]) buyUnits += l.quantity;
  });
  let k = separate ? Math.min(Math.floor(buyUnits / X), Math.floor(getUnits / Y)) : Math.floor(getUnits / (X + Y));
  if (u.p.maxApplications != null) k = Math.min(k, u.p.maxApplications);
  const amounts = lines.map(() => 0);
  if (k <= 0) return amounts;
  // cheapest first: what is left per unit (left/qty, compared exactly), then variant id, then position
  const order = lines.map((_, i) => i).filter((i) => getMask[i] && plan.left[i] > 0);
  order.sort((a, b) => plan.left[a] * lines[b].quantity - plan.left[b] * lines[a].quantity || lines[a].variantId - lines[b].variantId || a - b);
  let toDiscount = k * Y;
  for (const i of order) {
    if (toDiscount === 0) break;
    const m = Math.min(toDiscount, lines[i].quantity);
    toDiscount -= m;
    const left = plan.left[i];
    const qty = lines[i].quantity;
    amounts[i] =
      u.p.kind === 'percentage'
        ? Math.min(left, roundDiv(left * m * u.p.value, 100 * qty))
        : Math.min(u.p.value * m, Math.floor((left * m) / qty));
  }
  return amounts;
}

/** Order promotion: the discount allocated over its lines, or null when the minimum fails. */
function orderOffers(env: Env, plan: PlanState, u: Prepared): number[] | null {
  const mask = env.matches.get(u.p.id) as boolean[];
  if (!minimumMet(env, plan, u, mask)) return null;
  const weights = plan.left.map((left, i) => (mask[i] ? left : 0));
  const base = weights.reduce((a, w) => a + w, 0);
  const discount = u.p.kind === 'percentage' ? roundDiv(base * u.p.value, 100) : Math.min(u.p.value, base);
  return allocateLargestRemainder(Math.min(discount, base), weights, env.lines.map((l) => l.variantId));
}

/** Caps a promotion's line amounts at its budget left (spread by largest remainder) and books them. */
function applyLineAmounts(plan: PlanState, u: Prepared, amounts: number[]): void {
  let total = amounts.reduce((a, v) => a + v, 0);
  const already = plan.applied.get(u.p.id)?.discountCents ?? 0;
  const cap = u.budgetLeft - already;
  if (total > cap) {
    amounts = allocateLargestRemainder(Math.max(0, cap), amounts, plan.keys);
    total = Math.max(0, cap);
  }
  if (total <= 0) return;
  let entry = plan.applied.get(u.p.id);
  if (!entry) {
    entry = { ...u.ref, scope: u.scope, discountCents: 0, shippingDiscountCents: 0 };
    plan.applied.set(u.p.id, entry);
  }
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i];
    if (amount <= 0) continue;
    plan.left[i] -= amount;
    plan.reduced[i] = true;
    plan.savings[i].push({ source: 'promotion', promotionId: u.p.id, scope: u.scope, title: u.ref.title, code: u.ref.code, amountCents: amount });
    entry.discountCents += amount;
  }
}

/** Runs a list of promotions (already in priority order) in phases: line, order, shipping. */
function runPlan(env: Env, plan: PlanState, list: Prepared[]): PlanState {
  for (const u of list) {
    if (u.scope !== 'item' && u.scope !== 'buy_x_get_y') continue;
    const offers = u.scope === 'item' ? itemOffers(env, plan, u) : bxgyOffers(env, plan, u);
    if (offers) applyLineAmounts(plan, u, offers);
  }
  for (const u of list) {
    if (u.scope !== 'order') continue;
    const offers = orderOffers(env, plan, u);
    if (offers) applyLineAmounts(plan, u, offers);
  }
  finishPlan(env, plan, list.filter((u) => u.scope === 'shipping'));
  return plan;
}

/** Staff discounts, then shipping and the shipping promotions. */
function finishPlan(env: Env, plan: PlanState, shippingPromotions: Prepared[] = []): void {
  const { lines, staffLines, staffCart } = env;
  const staffTitle = (): LocalizedText => STAFF_TITLE;
  if (staffLines) {
    lines.forEach((l, i) => {
      const d = staffLines[l.variantId];
      if (!d || plan.left[i] <= 0) return;
      const amount = d.kind === 'percentage' ? roundDiv(plan.left[i] * d.value, 100) : Math.min(d.value, plan.left[i]);
      if (amount <= 0) return;
      plan.left[i] -= amount;
      const saving: Saving = { source: 'staff', promotionId: null, scope: 'staff_line', title: staffTitle(), code: null, amountCents: amount, reason: d.reason };
      plan.savings[i].push(saving);
      plan.staff.push(saving);
    });
  }
  if (staffCart) {
    const base = plan.left.reduce((a, v) => a + v, 0);
    const amount = staffCart.kind === 'percentage' ? roundDiv(base * staffCart.value, 100) : Math.min(staffCart.value, base);
    if (amount > 0) {
      const parts = allocateLargestRemainder(amount, plan.left, lines.map((l) => l.variantId));
      parts.forEach((part, i) => {
        if (part <= 0) return;
        plan.left[i] -= part;
        plan.savings[i].push({ source: 'staff', promotionId: null, scope: 'staff_cart', title: staffTitle(), code: null, amountCents: part, reason: staffCart.reason });
      });
      plan.staff.push({ source: 'staff', promotionId: null, scope: 'staff_cart', title: staffTitle(), code: null, amountCents: amount, reason: staffCart.reason });
    }
  }
  const goods = plan.left.reduce((a, v) => a + v, 0);
  plan.shippingBefore = computeShipping({ fulfilment: env.ctx.fulfilment, goodsTotalCents: goods, lineCount: lines.length }, env.config);
  plan.shipping = plan.shippingBefore;
  for (const u of shippingPromotions) {
    if (plan.shipping <= 0) break;
    const mask = env.matches.get(u.p.id) as boolean[];
    if (!minimumMet(env, plan, u, mask)) continue;
    let off = u.p.kind === 'percentage' ? roundDiv(plan.shipping * u.p.value, 100) : Math.min(u.p.value, plan.shipping);
    off = Math.min(off, u.budgetLeft);
    if (off <= 0) continue;
    plan.shipping -= off;
    const entry = plan.applied.get(u.p.id) ?? { ...u.ref, scope: u.scope, discountCents: 0, shippingDiscountCents: 0 };
    entry.shippingDiscountCents += off;
    plan.applied.set(u.p.id, entry);
  }
}

function planTotal(plan: PlanState): number {
  return plan.left.reduce((a, v) => a + v, 0) + plan.shipping;
}

function buildResult(env: Env, plan: PlanState, allCodes: string[], refusals: Map<string, CodeRefusal>): PricedCart {
  const rates = env.config.vatRatesBp;
  const pricedLines: PricedLine[] = env.lines.map((line, i) => {
    const grossCents = line.unitPriceCents * line.quantity;
    const lineTotalCents = plan.left[i];
    const discountCents = grossCents - lineTotalCents;
    const vatRateBp = rates[line.taxClass];
    const savings = plan.savings[i];
    let top: Saving | null = null;
    for (const s of savings) if (s.source === 'promotion' && (top === null || s.amountCents > top.amountCents)) top = s;
    const topRef = top === null ? null : plan.applied.get(top.promotionId as number);
    return {
      variantId: line.variantId,
      productId: line.productId,
      categoryId: line.categoryId,
      quantity: line.quantity,
      taxClass: line.taxClass,
      unitPriceCents: line.unitPriceCents,
      discountCents,
      lineTotalCents,
      unitNetPriceCents: roundDiv(lineTotalCents, line.quantity),
      vatRateBp,
      vatCents: vatIncluded(lineTotalCents, vatRateBp),
      promotion: topRef ? { id: topRef.id, name: topRef.name, title: topRef.title, code: topRef.code } : null,
      savings,
    };
  });

  const subtotalCents = sum(pricedLines.map((l) => l.unitPriceCents * l.quantity));
  const discountCents = sum(pricedLines.map((l) => l.discountCents));
  const goodsTotalCents = subtotalCents - discountCents;
  const shippingCents = plan.shipping;

  const byRate = new Map<number, VatLine>();
  const addVat = (rateBp: number, grossCents: number, vatCents: number) => {
    const entry = byRate.get(rateBp) ?? { rateBp, grossCents: 0, vatCents: 0 };
    entry.grossCents += grossCents;
    entry.vatCents += vatCents;
    byRate.set(rateBp, entry);
  };
  for (const l of pricedLines) addVat(l.vatRateBp, l.lineTotalCents, l.vatCents);
  if (shippingCents > 0) addVat(rates.standard, shippingCents, vatIncluded(shippingCents, rates.standard));
  const vat = [...byRate.values()].sort((a, b) => b.rateBp - a.rateBp);

  const appliedPromotions = [...plan.applied.values()].filter((a) => a.discountCents + a.shippingDiscountCents > 0);
  const savings: Saving[] = [
    ...appliedPromotions.map((a) => ({
      source: 'promotion' as const,
      promotionId: a.id,
      scope: a.scope,
      title: a.title,
      code: a.code,
      amountCents: a.discountCents + a.shippingDiscountCents,
    })),
    ...plan.staff,
  ];
  const rejected = allCodes.filter((c) => refusals.has(c));
  return {
    lines: pricedLines,
    subtotalCents,
    discountCents,
    shippingCents,
    shippingBeforeDiscountCents: plan.shippingBefore,
    shippingDiscountCents: plan.shippingBefore - shippingCents,
    totalCents: goodsTotalCents + shippingCents,
    vat,
    vatCents: sum(vat.map((v) => v.vatCents)),
    appliedPromotions,
    savings,
    codes: {
      accepted: allCodes.filter((c) => !refusals.has(c)),
      rejected,
      refusals: rejected.map((c) => refusals.get(c) as CodeRefusal),
    },
  };
}

function sum(values: number[]): number {
  return values.reduce((acc, v) => acc + v, 0);
}

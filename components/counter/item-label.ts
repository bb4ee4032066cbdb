/** "Product variant" as used in accessible names ("Add Trail Runner 42 / black"); no variant, no trailing space. */
export function itemLabel(productName: string, variantLabel: string): string {
  return variantLabel ? `${productName} ${variantLabel}` : productName;
}

import { orderBarcodeSvg } from '@/lib/returns/order-barcode';

/**
 * The order number as a Code 128 barcode (server-rendered SVG), for a counter's scanner: on the counter
 * receipt and the customer's order page. The SVG comes only from bwip-js for a checked order number.
 */
export function OrderBarcode({ number, label, className }: { number: string; label: string; className?: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      className={`mx-auto w-full max-w-64 [&_svg]:h-auto [&_svg]:w-full ${className ?? ''}`}
      dangerouslySetInnerHTML={{ __html: orderBarcodeSvg(number) }}
    />
  );
}

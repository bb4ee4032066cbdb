import { cardBarcodeSvg } from '@/lib/loyalty/barcode';

/**
 * The card number's EAN-13 barcode, drawn on the server as SVG (bwip-js). The markup comes from the
 * barcode library for a validated 13-digit number, never from user input.
 */
export function LoyaltyBarcode({
  cardNumber,
  label,
  className = '',
}: {
  cardNumber: string;
  label: string;
  className?: string;
}) {
  return (
    <div
      role="img"
      aria-label={label}
      className={`bg-white [&>svg]:h-full [&>svg]:w-full ${className}`}
      dangerouslySetInnerHTML={{ __html: cardBarcodeSvg(cardNumber) }}
    />
  );
}

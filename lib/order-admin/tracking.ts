// Tracking links for the carriers Dutch shops use most. A carrier we do not know gets no link: the
// customer still sees the carrier and the tracking number (better no link than a wrong one).

/** The carriers the ship form suggests; any other name may be typed. */
export const KNOWN_CARRIERS = ['PostNL', 'DHL', 'DPD', 'UPS', 'GLS'] as const;

/**
 * The carrier's public tracking page for a parcel, or null when the carrier is not one we know.
 * PostNL's page needs the destination country and postcode to show details; without them it still
 * asks for them itself.
 */
export function trackingUrlFor(
  carrier: string | null | undefined,
  trackingNumber: string | null | undefined,
  destination?: { postcode?: string | null; country?: string | null } | null,
): string | null {
  if (!carrier || !trackingNumber || !/^[A-Za-z0-9-]{1,60}$/.test(trackingNumber)) return null;
  const code = encodeURIComponent(trackingNumber.toUpperCase());
  switch (carrier.trim().toLowerCase()) {
    case 'postnl': {
      const country = (destination?.country ?? 'NL').toUpperCase();
      const postcode = (destination?.postcode ?? '').replace(/\s+/g, '').toUpperCase();
      const tail = /^[A-Z]{2}$/.test(country) && /^[0-9A-Z]{3,10}$/.test(postcode) ? `/${country}/${postcode}` : '';
      return `https://jouw.postnl.nl/track-and-trace/${code}${tail}`;
    }
    case 'dhl':
      return `https://www.dhl.com/nl-nl/home/tracking.html?tracking-id=${code}`;
    case 'dpd':
      return `https://tracking.dpd.de/status/nl_NL/parcel/${code}`;
    case 'ups':
      return `https://www.ups.com/track?tracknum=${code}`;
    case 'gls':
      return `https://gls-group.com/NL/nl/pakket-volgen?match=${code}`;
    default:
      return null;
  }
}

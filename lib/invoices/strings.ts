import type { PaymentMethod } from '@/db/schema';
import type { Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';

/** The invoice's words, per language (the PDF is made outside any request, so not from next-intl). */
export const INVOICE_STRINGS: Record<
  Locale,
  {
    title: string;
    number: string;
    date: string;
    order: string;
    orderDate: string;
    payment: string;
    paid: string;
    notPaid: string;
    billTo: string;
    deliveredTo: string;
    pickedUpAt: string;
    boughtAt: string;
    description: string;
    quantity: string;
    unitPrice: string;
    vatRate: string;
    amount: string;
    shipping: string;
    subtotal: string;
    discount: string;
    total: string;
    vatBreakdown: string;
    net: string;
    vat: string;
    gross: string;
    vatNumber: string;
    cocNumber: string;
    iban: string;
    pricesInclVat: string;
    /** Beside the satisfaction survey's QR on a counter sale's invoice (S12). */
    surveyCaption: string;
    page: string;
    methods: Record<PaymentMethod, string>;
    /** An exchange order's part paid by the returned goods. */
    exchangePayment: string;
    creditNoteTitle: string;
    creditNoteNumber: string;
    creditNoteDate: string;
    corrects: string;
    returnNumber: string;
    creditTotal: string;
    creditExplanation: string;
  }
> = {
  nl: {
    title: 'Factuur',
    number: 'Factuurnummer',
    date: 'Factuurdatum',
    order: 'Bestelling',
    orderDate: 'Besteldatum',
    payment: 'Betaling',
    paid: 'Betaald',
    notPaid: 'Nog niet betaald',
    billTo: 'Aan',
    deliveredTo: 'Geleverd aan',
    pickedUpAt: 'Afgehaald bij',
    boughtAt: 'Gekocht in',
    description: 'Omschrijving',
    quantity: 'Aantal',
    unitPrice: 'Prijs',
    vatRate: 'Btw',
    amount: 'Bedrag',
    shipping: 'Verzendkosten',
    subtotal: 'Subtotaal',
    discount: 'Korting',
    total: 'Totaal incl. btw',
    vatBreakdown: 'Btw-specificatie',
    net: 'Excl. btw',
    vat: 'Btw',
    gross: 'Incl. btw',
    vatNumber: 'Btw-nr.',
    cocNumber: 'KvK',
    iban: 'IBAN',
    pricesInclVat: 'Alle prijzen zijn inclusief btw.',
    surveyCaption: 'Hoe hebben we het gedaan? Scan en beoordeel je aankoop.',
    page: 'Pagina',
    methods: { test_provider: 'Online betaling', cash: 'Contant', card_terminal: 'Pin', loyalty_points: 'Spaarpunten', mollie: 'Online betaling', store_credit: 'Tegoed' },
    exchangePayment: 'Teruggebrachte artikelen (ruil)',
    creditNoteTitle: 'Creditnota',
    creditNoteNumber: 'Creditnotanummer',
    creditNoteDate: 'Datum',
    corrects: 'Correctie op factuur',
    returnNumber: 'Retour',
    creditTotal: 'Totaal gecrediteerd incl. btw',
    creditExplanation: 'Deze creditnota crediteert de genoemde artikelen van de oorspronkelijke factuur. Alle bedragen zijn inclusief btw.',
  },
  en: {
    title: 'Invoice',
    number: 'Invoice number',
    date: 'Invoice date',
    order: 'Order',
    orderDate: 'Order date',
    payment: 'Payment',
    paid: 'Paid',
    notPaid: 'Not paid yet',
    billTo: 'To',
    deliveredTo: 'Delivered to',
    pickedUpAt: 'Collected at',
    boughtAt: 'Bought at',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Price',
    vatRate: 'VAT',
    amount: 'Amount',
    shipping: 'Shipping',
    subtotal: 'Subtotal',
    discount: 'Discount',
    total: 'Total incl. VAT',
    vatBreakdown: 'VAT breakdown',
    net: 'Excl. VAT',
    vat: 'VAT',
    gross: 'Incl. VAT',
    vatNumber: 'VAT no.',
    cocNumber: 'CoC',
    iban: 'IBAN',
    pricesInclVat: 'All prices include VAT.',
    surveyCaption: 'How did we do? Scan to rate your purchase.',
    page: 'Page',
    methods: { test_provider: 'Online payment', cash: 'Cash', card_terminal: 'Card', loyalty_points: 'Loyalty points', mollie: 'Online payment', store_credit: 'Store credit' },
    exchangePayment: 'Returned goods (exchange)',
    creditNoteTitle: 'Credit note',
    creditNoteNumber: 'Credit note number',
    creditNoteDate: 'Date',
    corrects: 'Corrects invoice',
    returnNumber: 'Return',
    creditTotal: 'Total credited incl. VAT',
    creditExplanation: 'This credit note credits the items listed from the original invoice. All amounts include VAT.',
  },
};

/** "21%", "9%", "0%" — a rate in basis points as people read it ("5,5%" in Dutch). */
export function formatVatRate(rateBp: number, locale: Locale): string {
  return `${new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(rateBp / 100)}%`;
}

/** A stored variant label ("42 / Black", "42 · Black") with its colour in the reader's language (colours are stored in English). */
export function localVariantLabel(label: string, locale: Locale): string {
  const colors = MESSAGES[locale].shop.colors as Record<string, string>;
  return label
    .split(/\s[/·]\s/)
    .map((part) => colors[part] ?? part)
    .join(' · ');
}

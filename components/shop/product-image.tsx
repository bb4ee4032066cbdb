/**
 * A product's illustration. Plain <img>: the catalogue images are small SVGs that need no resizing,
 * and next/image would refuse SVG without loosening its content-security settings.
 */
export function ProductImage({
  src,
  alt,
  className = '',
  priority = false,
}: {
  src: string;
  alt: string;
  className?: string;
  priority?: boolean;
}) {
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see above
    <img
      src={src}
      alt={alt}
      width={400}
      height={400}
      loading={priority ? 'eager' : 'lazy'}
      // The page's main image is usually its LCP element: fetched first, decoded with the frame.
      fetchPriority={priority ? 'high' : undefined}
      decoding={priority ? 'sync' : 'async'}
      className={`aspect-square w-full rounded-xl bg-stone-100 object-cover ${className}`}
    />
  );
}

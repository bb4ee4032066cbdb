import type { MetadataRoute } from 'next';
import { siteOrigin } from '@/lib/seo/request-origin';
import { buildRobots } from '@/lib/seo/robots';

export const dynamic = 'force-dynamic';

export default async function robots(): Promise<MetadataRoute.Robots> {
  return buildRobots(await siteOrigin());
}

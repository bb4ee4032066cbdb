'use client';

import type { IScannerControls } from '@zxing/browser';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { reloadForCameraPolicy, takeCameraScanRequest } from '../camera-policy';

/**
 * Reads the barcode of a receipt or order page (Code 128) or the QR/barcode of a return label with the
 * tablet's camera (@zxing/browser's multi-format reader, bundled — no network), then searches for it.
 * A hand scanner needs none of this: it types into the search field and presses Enter.
 */
export function ReturnBarcodeScanner() {
  const t = useTranslations('counter.returns');
  const router = useRouter();
  const video = useRef<HTMLVideoElement>(null);
  const controls = useRef<IScannerControls | null>(null);
  const [state, setState] = useState<'idle' | 'starting' | 'scanning' | 'failed'>('idle');

  const stop = () => {
    controls.current?.stop();
    controls.current = null;
    setState('idle');
  };

  const start = async (afterReload = false) => {
    if (!video.current) return;
    // Reached by client-side navigation from a page without the camera: load this page's own policy first.
    if (reloadForCameraPolicy(afterReload)) return;
    setState('starting');
    try {
      const { BrowserMultiFormatReader } = await import('@zxing/browser');
      const reader = new BrowserMultiFormatReader(undefined, { delayBetweenScanAttempts: 150 });
      controls.current = await reader.decodeFromVideoDevice(undefined, video.current, (result, _error, running) => {
        if (!result) return;
        running.stop();
        controls.current = null;
        setState('idle');
        router.push(`/counter/returns?${new URLSearchParams({ q: result.getText().slice(0, 100) })}`);
      });
      setState('scanning');
    } catch {
      setState('failed'); // no camera, or permission refused: typing or a hand scanner still works
    }
  };

  useEffect(() => {
    // Back after reloadForCameraPolicy: the clerk already pressed the button.
    if (takeCameraScanRequest()) queueMicrotask(() => void start(true));
    return () => controls.current?.stop();
    // Once, on mount: start() only reads refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="space-y-3">
      <div className={state === 'scanning' || state === 'starting' ? 'block' : 'hidden'}>
        <video ref={video} muted playsInline aria-label={t('cameraView')} className="aspect-video w-full rounded-xl bg-black object-cover" />
      </div>
      <Button variant="secondary" size="lg" onClick={state === 'scanning' || state === 'starting' ? stop : () => void start()} className="w-full">
        {state === 'scanning' || state === 'starting' ? t('stopCamera') : t('scanWithCamera')}
      </Button>
      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {state === 'scanning' && <p className="text-stone-600">{t('pointCamera')}</p>}
        {state === 'failed' && <p className="text-red-700">{t('cameraFailed')}</p>}
      </div>
    </div>
  );
}

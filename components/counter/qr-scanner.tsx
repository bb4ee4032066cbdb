'use client';

import type { IScannerControls } from '@zxing/browser';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { reloadForCameraPolicy, takeCameraScanRequest } from './camera-policy';

/**
 * Reads a QR code with the tablet's camera (@zxing/browser: plain JavaScript, bundled and served by the
 * app, so it works without any network beyond the shop's own). Hands the decoded text to `onRead` once
 * and stops the camera.
 */
export function QrScanner({ onRead }: { onRead: (text: string) => void }) {
  const t = useTranslations('counter.loadCart');
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
      const { BrowserQRCodeReader } = await import('@zxing/browser');
      const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 150 });
      controls.current = await reader.decodeFromVideoDevice(undefined, video.current, (result, _error, running) => {
        if (!result) return;
        running.stop();
        controls.current = null;
        setState('idle');
        onRead(result.getText());
      });
      setState('scanning');
    } catch {
      setState('failed'); // no camera, or permission refused: typing the code still works
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
      {state === 'scanning' || state === 'starting' ? (
        <Button variant="secondary" size="lg" onClick={stop} className="w-full">
          {t('stopCamera')}
        </Button>
      ) : (
        <Button variant="secondary" size="lg" onClick={() => void start()} className="w-full">
          {t('scanWithCamera')}
        </Button>
      )}
      <div role="status" aria-live="polite" className="text-sm empty:hidden">
        {state === 'scanning' && <p className="text-stone-600">{t('pointCamera')}</p>}
        {state === 'failed' && <p className="text-red-700">{t('cameraFailed')}</p>}
      </div>
    </div>
  );
}

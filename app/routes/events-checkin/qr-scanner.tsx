/**
 * Scanning a check-in QR code with the device's camera (JavaScript only; the code field is the
 * way without it). The browser's BarcodeDetector where it has one; otherwise jsQR, bundled and
 * loaded only when staff start scanning here (never from another origin).
 */
import { useEffect, useRef, useState } from 'react';
import { useT } from '#app/shared/i18n/react.tsx';

type Decoder = (source: HTMLVideoElement, canvas: HTMLCanvasElement) => Promise<string | null>;

interface DetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

async function makeDecoder(): Promise<Decoder> {
  const Detector = (globalThis as { BarcodeDetector?: new (options: { formats: string[] }) => DetectorLike }).BarcodeDetector;
  if (Detector) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => (await detector.detect(video))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  return async (video, canvas) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return null;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, width, height);
    const image = context.getImageData(0, 0, width, height);
    return jsQR(image.data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
  };
}

export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const t = useT();
  const [active, setActive] = useState(false);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    if (!active) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
        const element = video.current;
        if (stopped || !element) return;
        element.srcObject = stream;
        await element.play();
        const decode = await makeDecoder();
        const tick = async () => {
          if (stopped || !video.current || !canvas.current) return;
          const text = await decode(video.current, canvas.current).catch(() => null);
          if (text && text !== last) {
            last = text;
            handler.current(text);
          }
          timer = setTimeout(tick, 300);
        };
        void tick();
      } catch {
        setFailed(true);
        setActive(false);
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [active]);

  return (
    <div className="checkin-scan">
      <button type="button" className="button" aria-pressed={active} onClick={() => setActive((value) => !value)}>
        {active ? t('events.checkin.scan.stop') : t('events.checkin.scan.start')}
      </button>
      {failed ? (
        <p className="field__hint" role="status">
          {t('events.checkin.scan.unavailable')}
        </p>
      ) : null}
      {active ? (
        <>
          <video ref={video} className="checkin-scan__video" muted playsInline aria-label={t('events.checkin.scan.video')} />
          <canvas ref={canvas} hidden />
        </>
      ) : null}
    </div>
  );
}

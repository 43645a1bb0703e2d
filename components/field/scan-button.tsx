'use client';

import { useEffect, useRef, useState } from 'react';

interface DetectedCode {
  rawValue: string;
}
interface Detector {
  detect(source: HTMLVideoElement): Promise<DetectedCode[]>;
}
type DetectorClass = new (options?: { formats?: string[] }) => Detector;

/**
 * Scans the barcode or QR code on a router's label with the phone's camera, where the browser has
 * BarcodeDetector; elsewhere the button is not shown and the code is typed.
 */
export function ScanButton({ onCode }: { onCode: (code: string) => void }) {
  const [supported, setSupported] = useState(false);
  const [scanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    setSupported('BarcodeDetector' in window && Boolean(navigator.mediaDevices?.getUserMedia));
  }, []);

  useEffect(() => {
    if (!scanning) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    const Detector = (window as unknown as { BarcodeDetector: DetectorClass }).BarcodeDetector;
    const detector = new Detector({ formats: ['qr_code', 'code_128', 'code_39', 'data_matrix', 'ean_13'] });
    const run = async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (!video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        while (!stopped) {
          const codes = await detector.detect(video.current);
          const code = codes[0]?.rawValue?.trim();
          if (code) {
            onCode(code.slice(0, 200));
            setScanning(false);
            return;
          }
          await new Promise((r) => setTimeout(r, 250));
        }
      } catch {
        setProblem('The camera could not be used. Type the code instead.');
        setScanning(false);
      }
    };
    void run();
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [scanning, onCode]);

  if (!supported) return null;
  return (
    <div className="scan">
      <button type="button" onClick={() => setScanning((s) => !s)}>
        {scanning ? 'Stop scanning' : 'Scan label'}
      </button>
      {scanning && (
        <video ref={video} className="scan-video" muted playsInline aria-label="Camera view for scanning the label" />
      )}
      {problem && <p className="small">{problem}</p>}
    </div>
  );
}

import type { MetadataRoute } from 'next';

/** Installable on a phone's home screen: technicians open the field view like an app. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Fleet Console',
    short_name: 'Fleet',
    description: 'Cradlepoint routers through NetCloud Manager: fleet, alerts, signal and the field view.',
    start_url: '/field',
    scope: '/',
    display: 'standalone',
    background_color: '#f4f6f8',
    theme_color: '#0f3d5e',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

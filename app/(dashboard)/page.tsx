import { redirect } from 'next/navigation';

// The fleet overview needs the shared fleet snapshot; until it exists the router list is home.
export default function OverviewPage() {
  redirect('/routers');
}

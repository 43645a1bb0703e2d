import Link from 'next/link';

export default function RouterNotFound() {
  return (
    <div className="card" data-testid="router-not-found">
      <h1>Router not found</h1>
      <p>No router with this id exists in the fleet, or it has been unregistered.</p>
      <Link href="/routers">Back to all routers</Link>
    </div>
  );
}

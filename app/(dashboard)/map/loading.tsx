export default function Loading() {
  return (
    <>
      <h1>Fleet map</h1>
      <div className="map-frame map-loading" role="status" aria-busy="true">
        Loading map…
      </div>
    </>
  );
}

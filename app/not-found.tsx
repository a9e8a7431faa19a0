import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p>There is no published case study at this address. It may not have been published yet, or it may have been withdrawn.</p>
      <p>
        <Link href="/" className="text-improvement underline">
          See all published case studies
        </Link>
      </p>
    </div>
  );
}

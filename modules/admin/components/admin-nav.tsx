import Link from "next/link";

const LINKS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/organisations", label: "Organisations" },
  { href: "/admin/approaches", label: "Approaches" },
] as const;

export function AdminNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="Admin" className="mb-6">
      <ul className="flex gap-4 border-b border-slate-200 pb-2 text-sm">
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={link.href === current ? "page" : undefined}
              className="text-improvement underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

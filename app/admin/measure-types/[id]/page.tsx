import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { MeasureTypeForm } from "@/modules/compare/components/measure-type-form";
import { canManageMeasureTypes } from "@/lib/auth/permissions";
import { requireUser } from "@/modules/auth/session";
import { getMeasureTypeById } from "@/modules/compare/data/measure-library";

export const metadata: Metadata = { title: "Edit measure type", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

export default async function EditMeasureTypePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/admin/measure-types/${encodeURIComponent(id)}`);
  if (!canManageMeasureTypes(user)) notFound();
  const parsed = z.uuid().safeParse(id);
  const type = parsed.success ? await getMeasureTypeById(parsed.data) : null;
  if (!type) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/measure-types" className="text-improvement underline">
          Measure types
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold">Edit “{type.name}”</h1>
      <MeasureTypeForm values={type} />
    </div>
  );
}

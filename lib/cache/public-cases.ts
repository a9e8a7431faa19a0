import "server-only";
import { revalidatePath } from "next/cache";

// Called by every action that changes what the public sees of a case (publish,
// republish, unpublish, archive, restore, slug change), so cached public pages
// are rebuilt on the next request instead of waiting for a timer.
export function revalidatePublicCase(slug: string): void {
  revalidatePath(`/cases/${slug}`);
  revalidatePath("/");
}

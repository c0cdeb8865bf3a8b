import { onMount } from "solid-js";
import { navigate } from "../../router/router.tsx";

/** Issue 17: /setup for someone signed in — the installation is set up; the workbench instead. */
export default function SetupDonePage() {
  onMount(() => navigate("/", { replace: true }));
  return null;
}

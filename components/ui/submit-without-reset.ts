import { startTransition, type FormEvent } from "react";

// React 19 clears a form's fields when its action finishes, which would wipe what the
// user typed whenever the server answers "please correct this". With JavaScript, submit
// through a transition instead (no reset); without it, the form's own action still posts.
export function submitWithoutReset(formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
}

// The bank's whole question list. A request still in flight is shared, so a screen that mounts twice (React's
// development StrictMode runs every effect twice) still asks once; once it has settled the next visit asks again,
// as imports change the list.
import { api } from '../api';

type QuestionList = Awaited<ReturnType<typeof api.questions>>;

let inFlight: Promise<QuestionList> | null = null;

export function loadQuestionList(): Promise<QuestionList> {
  if (!inFlight) {
    const request = api.questions();
    inFlight = request;
    const settle = () => {
      if (inFlight === request) inFlight = null;
    };
    request.then(settle, settle);
  }
  return inFlight;
}

// "Practise this": a practice drill on exactly these questions (one, usually), opened in the interview room.
import { api } from '../api';
import { navigate } from './router';

export async function practiseQuestions(questionIds: readonly string[]): Promise<void> {
  const session = await api.startSession({ mode: 'drill', style: 'practice', questionIds: [...questionIds] });
  navigate('interview', session.id);
}

export function practiseQuestion(questionId: string): Promise<void> {
  return practiseQuestions([questionId]);
}

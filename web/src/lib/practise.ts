// "Practise this": a one-question practice drill on exactly that question, opened in the interview room.
import { api } from '../api';
import { navigate } from './router';

export async function practiseQuestion(questionId: string): Promise<void> {
  const session = await api.startSession({ mode: 'drill', style: 'practice', questionIds: [questionId] });
  navigate('interview', session.id);
}

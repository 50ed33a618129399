/**
 * One shared wink-nlp instance (English lite web model), created on first use.
 * Loading the model costs ~100 ms, so it happens once per process (or worker thread).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNlp = ReturnType<typeof winkNLP>;
let instance: WinkNlp | undefined;

export function wink(): WinkNlp {
  instance ??= winkNLP(model);
  return instance;
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/**
 * Words of each topic share one axis of the tiny model's embedding table, so texts about
 * the same topic get similar vectors and tests can assert a ranking. Vocabulary entries
 * are lower case without accents, as the BertNormalizer produces them.
 */
export const TINY_TOPICS: Readonly<Record<string, readonly string[]>> = {
  ausweis: ['personalausweis', 'ausweis', '##ausweis', 'reisepass', 'pass', '##pass', 'perso', 'personal'],
  abfall: ['mull', '##mull', 'abfall', '##abfall', 'sperrmull', 'tonne', 'abholung', 'entsorgung'],
  hund: ['hund', 'hunde', '##hund', 'hundesteuer', 'steuer', '##steuer', 'tier'],
  fahrzeug: ['auto', 'fahrzeug', 'kfz', 'zulassung', '##zulassung', 'kennzeichen'],
};

const SPECIALS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];
/** Own axes, so tests can see whether the "query: " / "passage: " prefixes reached the model. */
const MARKERS = ['query', 'passage'];
const NEUTRAL = [
  ':',
  '.',
  ',',
  '?',
  '!',
  '-',
  'der',
  'die',
  'das',
  'ein',
  'eine',
  'ich',
  'wie',
  'was',
  'wo',
  'fur',
  'mein',
  'meine',
  'brauche',
  'kostet',
  'beantragen',
  'wann',
  'ist',
  'sind',
  'und',
  'mit',
  'im',
  'neu',
  'neuen',
  'abholen',
  '##s',
  '##en',
  '##e',
  '##n',
  '##er',
  '##antrag',
  'antrag',
];

export interface TinyModelOptions {
  /** Model id (`org/name`); default `tiny-org/tiny-bert`. */
  name?: string;
  /** Extra topic-neutral tokens. */
  vocab?: string[];
  /** Hidden size; at least 2 + topics + 2 (default 16). */
  dimensions?: number;
  /** Replaces `TINY_TOPICS`. */
  topics?: Record<string, readonly string[]>;
}

/**
 * Writes a BERT-shaped model that transformers.js loads through the real
 * `pipeline('feature-extraction')`: one `Gather` over a deterministic embedding table
 * (inputs input_ids, attention_mask, token_type_ids; output last_hidden_state), a WordPiece
 * tokenizer.json, config.json and tokenizer_config.json under `<dir>/<org>/<name>/`.
 */
export async function createTinyBertModel(
  dir: string,
  options: TinyModelOptions = {},
): Promise<{ modelsDir: string; model: string; vocab: string[] }> {
  const model = options.name ?? 'tiny-org/tiny-bert';
  const topics = Object.values(options.topics ?? TINY_TOPICS);
  const dimensions = options.dimensions ?? 16;
  if (dimensions < MARKERS.length + topics.length + 2)
    throw new Error(`dimensions must be >= ${MARKERS.length + topics.length + 2}`);
  const vocab = [
    ...new Set([...SPECIALS, ...MARKERS, ...topics.flat(), ...NEUTRAL, ...(options.vocab ?? [])]),
  ];
  const table = new Float32Array(vocab.length * dimensions);
  const noiseFrom = MARKERS.length + topics.length;
  vocab.forEach((token, id) => {
    if (token === '[PAD]') return;
    const row = table.subarray(id * dimensions, (id + 1) * dimensions);
    const random = mulberry32(id + 1);
    const topic = topics.findIndex((words) => words.includes(token));
    for (let axis = noiseFrom; axis < dimensions; axis++)
      row[axis] = (random() - 0.5) * (topic >= 0 ? 0.2 : 0.1);
    if (topic >= 0) row[MARKERS.length + topic] = 1;
    const marker = MARKERS.indexOf(token);
    if (marker >= 0) row[marker] = 1;
  });

  const folder = join(dir, model);
  await mkdir(join(folder, 'onnx'), { recursive: true });
  await writeFile(join(folder, 'onnx', 'model.onnx'), encodeModel(table, vocab.length, dimensions));
  await writeFile(join(folder, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  await writeFile(
    join(folder, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: dimensions,
      vocab_size: vocab.length,
      max_position_embeddings: 512,
    }),
  );
  await writeFile(
    join(folder, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 512,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    }),
  );
  return { modelsDir: dir, model, vocab };
}

function encodeModel(table: Float32Array, vocabSize: number, dimensions: number): Uint8Array {
  const int64Input = (name: string) => ({
    name,
    type: {
      tensorType: {
        elemType: onnx.TensorProto.DataType.INT64,
        shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }] },
      },
    },
  });
  const graph = onnx.GraphProto.create({
    name: 'tiny-bert',
    node: [
      onnx.NodeProto.create({
        opType: 'Gather',
        input: ['embeddings', 'input_ids'],
        output: ['last_hidden_state'],
        attribute: [
          onnx.AttributeProto.create({ name: 'axis', type: onnx.AttributeProto.AttributeType.INT, i: 0 }),
        ],
      }),
    ],
    initializer: [
      onnx.TensorProto.create({
        name: 'embeddings',
        dims: [vocabSize, dimensions],
        dataType: onnx.TensorProto.DataType.FLOAT,
        floatData: [...table],
      }),
    ],
    input: [int64Input('input_ids'), int64Input('attention_mask'), int64Input('token_type_ids')],
    output: [
      {
        name: 'last_hidden_state',
        type: {
          tensorType: {
            elemType: onnx.TensorProto.DataType.FLOAT,
            shape: { dim: [{ dimParam: 'batch' }, { dimParam: 'sequence' }, { dimValue: dimensions }] },
          },
        },
      },
    ],
  });
  const model = onnx.ModelProto.create({
    irVersion: 8,
    producerName: 'tiny-model',
    opsetImport: [{ domain: '', version: 13 }],
    graph,
  });
  return onnx.ModelProto.encode(model).finish();
}

function tokenizerJson(vocab: string[]): unknown {
  const ids = Object.fromEntries(vocab.map((token, id) => [token, id]));
  const special = (token: string) => ({
    id: ids[token],
    content: token,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIALS.map(special),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: true,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
      ],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [ids['[CLS]']], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [ids['[SEP]']], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: ids,
    },
  };
}

/** Small deterministic PRNG, so the embedding table is the same on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

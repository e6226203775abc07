package devsearch.plugin;

import com.ibm.icu.text.Normalizer2;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.HTMLStripCharFilter;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2CharFilter;
import org.apache.lucene.analysis.icu.ICUNormalizer2Filter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractCharFilterFactory;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.NormalizingCharFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;

import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/** The factories registered by {@link DevExtrasPlugin}; parameters follow the Elasticsearch reference. */
final class Factories {

    private Factories() {}

    // ------------------------------------------------------------------ helpers

    /** Same rule (and message) as Elasticsearch's ngram tokenizer/filter: index.max_ngram_diff. */
    static void checkNgramDiff(IndexSettings indexSettings, String what, int minGram, int maxGram) {
        if (minGram < 1 || maxGram < minGram) {
            throw new IllegalArgumentException(
                what + ": invalid min_gram [" + minGram + "] / max_gram [" + maxGram + "]"
            );
        }
        int allowed = indexSettings.getMaxNgramDiff();
        if (maxGram - minGram > allowed) {
            throw new IllegalArgumentException(
                "The difference between max_gram and min_gram in " + what + " must be less than or equal to: ["
                    + allowed + "] but was [" + (maxGram - minGram) + "]. This limit can be set by changing the ["
                    + IndexSettings.MAX_NGRAM_DIFF_SETTING.getKey() + "] index level setting."
            );
        }
    }

    /** token_chars: letter, digit, whitespace, punctuation, symbol, custom (+ custom_token_chars). */
    static IntPredicate tokenChars(Settings settings) {
        List<String> classes = settings.getAsList("token_chars");
        if (classes.isEmpty()) {
            return null;
        }
        IntPredicate p = c -> false;
        for (String cls : classes) {
            switch (cls.toLowerCase(Locale.ROOT)) {
                case "letter" -> p = p.or(Character::isLetter);
                case "digit" -> p = p.or(Character::isDigit);
                case "whitespace" -> p = p.or(Character::isWhitespace);
                case "punctuation" -> p = p.or(c -> switch (Character.getType(c)) {
                    case Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.OTHER_PUNCTUATION,
                        Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                        Character.FINAL_QUOTE_PUNCTUATION -> true;
                    default -> false;
                });
                case "symbol" -> p = p.or(c -> switch (Character.getType(c)) {
                    case Character.CURRENCY_SYMBOL, Character.MATH_SYMBOL, Character.OTHER_SYMBOL,
                        Character.MODIFIER_SYMBOL -> true;
                    default -> false;
                });
                case "custom" -> {
                    String custom = settings.get("custom_token_chars", "");
                    Set<Integer> cps = new HashSet<>();
                    custom.codePoints().forEach(cps::add);
                    p = p.or(cps::contains);
                }
                default -> throw new IllegalArgumentException("Unknown token type: '" + cls + "'");
            }
        }
        return p;
    }

    static Normalizer2 icuNormalizer(Settings settings) {
        String name = settings.get("name", "nfkc_cf");
        String mode = settings.get("mode", "compose");
        Normalizer2.Mode m = switch (mode) {
            case "compose" -> Normalizer2.Mode.COMPOSE;
            case "decompose" -> Normalizer2.Mode.DECOMPOSE;
            default -> throw new IllegalArgumentException("Unknown mode [" + mode + "] (compose or decompose)");
        };
        return Normalizer2.getInstance(null, name, m);
    }

    // ------------------------------------------------------------------ char filters

    static final class HtmlStripCharFilter extends AbstractCharFilterFactory {
        private final Set<String> escapedTags;

        HtmlStripCharFilter(String name, Settings settings) {
            super(name);
            escapedTags = new HashSet<>(settings.getAsList("escaped_tags"));
        }

        @Override
        public Reader create(Reader reader) {
            return new HTMLStripCharFilter(reader, escapedTags.isEmpty() ? null : escapedTags);
        }
    }

    static final class IcuNormalizerCharFilter extends AbstractCharFilterFactory implements NormalizingCharFilterFactory {
        private final Normalizer2 normalizer;

        IcuNormalizerCharFilter(String name, Settings settings) {
            super(name);
            normalizer = icuNormalizer(settings);
        }

        @Override
        public Reader create(Reader reader) {
            return new ICUNormalizer2CharFilter(reader, normalizer);
        }
    }

    // ------------------------------------------------------------------ tokenizers

    static final class NGramTokenizer extends AbstractTokenizerFactory {
        private final int minGram;
        private final int maxGram;
        private final boolean edge;
        private final IntPredicate tokenChars;

        NGramTokenizer(IndexSettings indexSettings, Settings settings, String name, boolean edge) {
            super(indexSettings, settings, name);
            this.edge = edge;
            this.minGram = settings.getAsInt("min_gram", 1);
            this.maxGram = settings.getAsInt("max_gram", 2);
            this.tokenChars = tokenChars(settings);
            if (edge == false) {
                checkNgramDiff(indexSettings, "NGram Tokenizer", minGram, maxGram);
            }
        }

        @Override
        public Tokenizer create() {
            IntPredicate tc = tokenChars;
            if (edge) {
                return tc == null ? new EdgeNGramTokenizer(minGram, maxGram) : new EdgeNGramTokenizer(minGram, maxGram) {
                    @Override
                    protected boolean isTokenChar(int chr) {
                        return tc.test(chr);
                    }
                };
            }
            return tc == null
                ? new org.apache.lucene.analysis.ngram.NGramTokenizer(minGram, maxGram)
                : new org.apache.lucene.analysis.ngram.NGramTokenizer(minGram, maxGram) {
                    @Override
                    protected boolean isTokenChar(int chr) {
                        return tc.test(chr);
                    }
                };
        }
    }

    static final class KeywordTokenizer extends AbstractTokenizerFactory {
        private final int bufferSize;

        KeywordTokenizer(IndexSettings indexSettings, Environment env, String name, Settings settings) {
            super(indexSettings, settings, name);
            bufferSize = settings.getAsInt("buffer_size", 256);
        }

        @Override
        public Tokenizer create() {
            return new org.apache.lucene.analysis.core.KeywordTokenizer(bufferSize);
        }
    }

    static final class SimpleTokenizer extends AbstractTokenizerFactory {
        private final Supplier<Tokenizer> supplier;

        SimpleTokenizer(IndexSettings indexSettings, Settings settings, String name, Supplier<Tokenizer> supplier) {
            super(indexSettings, settings, name);
            this.supplier = supplier;
        }

        @Override
        public Tokenizer create() {
            return supplier.get();
        }
    }

    // ------------------------------------------------------------------ token filters

    static final class AsciiFolding extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final boolean preserveOriginal;

        AsciiFolding(String name, Settings settings) {
            super(name, settings);
            preserveOriginal = settings.getAsBoolean("preserve_original", false);
        }

        @Override
        public TokenStream create(TokenStream ts) {
            return new ASCIIFoldingFilter(ts, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream ts) {
            return new ASCIIFoldingFilter(ts, false);
        }
    }

    static final class LowerCase extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final String language;

        LowerCase(String name, Settings settings) {
            super(name, settings);
            language = settings.get("language");
            if (language != null && List.of("greek", "irish", "turkish").contains(language.toLowerCase(Locale.ROOT)) == false) {
                throw new IllegalArgumentException("language [" + language + "] not support for lower case");
            }
        }

        @Override
        public TokenStream create(TokenStream ts) {
            if (language == null) {
                return new LowerCaseFilter(ts);
            }
            return switch (language.toLowerCase(Locale.ROOT)) {
                case "greek" -> new GreekLowerCaseFilter(ts);
                case "irish" -> new IrishLowerCaseFilter(ts);
                default -> new TurkishLowerCaseFilter(ts);
            };
        }
    }

    static final class NGramFilter extends AbstractTokenFilterFactory {
        private final int minGram;
        private final int maxGram;
        private final boolean preserveOriginal;
        private final boolean edge;

        NGramFilter(IndexSettings indexSettings, String name, Settings settings, boolean edge) {
            super(name, settings);
            this.edge = edge;
            this.minGram = settings.getAsInt("min_gram", 1);
            this.maxGram = settings.getAsInt("max_gram", 2);
            this.preserveOriginal = settings.getAsBoolean("preserve_original", false);
            if (edge) {
                String side = settings.get("side", "front");
                if ("front".equals(side) == false) {
                    throw new IllegalArgumentException("invalid side: [" + side + "], only [front] is supported");
                }
            } else {
                checkNgramDiff(indexSettings, "NGram Tokenizer", minGram, maxGram);
            }
        }

        @Override
        public TokenStream create(TokenStream ts) {
            return edge
                ? new EdgeNGramTokenFilter(ts, minGram, maxGram, preserveOriginal)
                : new NGramTokenFilter(ts, minGram, maxGram, preserveOriginal);
        }
    }

    static final class CjkBigram extends AbstractTokenFilterFactory {
        private final int flags;
        private final boolean outputUnigrams;

        CjkBigram(String name, Settings settings) {
            super(name, settings);
            outputUnigrams = settings.getAsBoolean("output_unigrams", false);
            int f = CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL;
            for (String script : settings.getAsList("ignored_scripts")) {
                switch (script.toLowerCase(Locale.ROOT)) {
                    case "han" -> f &= ~CJKBigramFilter.HAN;
                    case "hiragana" -> f &= ~CJKBigramFilter.HIRAGANA;
                    case "katakana" -> f &= ~CJKBigramFilter.KATAKANA;
                    case "hangul" -> f &= ~CJKBigramFilter.HANGUL;
                    default -> throw new IllegalArgumentException("unknown script [" + script + "]");
                }
            }
            flags = f;
        }

        @Override
        public TokenStream create(TokenStream ts) {
            return new CJKBigramFilter(ts, flags, outputUnigrams);
        }
    }

    static final class SimpleNormalizingFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final Function<TokenStream, TokenStream> fn;

        SimpleNormalizingFilter(String name, Settings settings, Function<TokenStream, TokenStream> fn) {
            super(name, settings);
            this.fn = fn;
        }

        @Override
        public TokenStream create(TokenStream ts) {
            return fn.apply(ts);
        }
    }

    static final class StopWords extends AbstractTokenFilterFactory {
        private final CharArraySet stopWords;

        StopWords(Environment env, String name, Settings settings, CharArraySet defaults) {
            super(name, settings);
            stopWords = Analysis.parseStopWords(env, settings, defaults);
        }

        @Override
        public TokenStream create(TokenStream ts) {
            return new StopFilter(ts, stopWords);
        }
    }

    static final class IcuNormalizerFilter extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final Normalizer2 normalizer;

        IcuNormalizerFilter(String name, Settings settings) {
            super(name, settings);
            normalizer = icuNormalizer(settings);
        }

        @Override
        public TokenStream create(TokenStream ts) {
            return new ICUNormalizer2Filter(ts, normalizer);
        }
    }

    // ------------------------------------------------------------------ analyzers

    static final class Cjk extends AbstractIndexAnalyzerProvider<CJKAnalyzer> {
        private final CJKAnalyzer analyzer;

        Cjk(Environment env, String name, Settings settings) {
            super(name, settings);
            analyzer = new CJKAnalyzer(Analysis.parseStopWords(env, settings, CJKAnalyzer.getDefaultStopSet()));
        }

        @Override
        public CJKAnalyzer get() {
            return analyzer;
        }
    }

    static final class SmartCn extends AbstractIndexAnalyzerProvider<SmartChineseAnalyzer> {
        private final SmartChineseAnalyzer analyzer;

        SmartCn(Environment env, String name, Settings settings) {
            super(name, settings);
            analyzer = new SmartChineseAnalyzer(
                Analysis.parseStopWords(env, settings, SmartChineseAnalyzer.getDefaultStopSet())
            );
        }

        @Override
        public SmartChineseAnalyzer get() {
            return analyzer;
        }
    }

    /** Like the official {@code icu_analyzer}: ICU normalizer char filter, ICU tokenizer, ICU normalizer filter. */
    static final class IcuAnalyzer extends AbstractIndexAnalyzerProvider<Analyzer> {
        private final Analyzer analyzer;

        IcuAnalyzer(String name, Settings settings) {
            super(name, settings);
            Settings normalizerSettings = Settings.builder()
                .put("name", settings.get("method", "nfkc_cf"))
                .put("mode", settings.get("mode", "compose"))
                .build();
            Normalizer2 normalizer = icuNormalizer(normalizerSettings);
            analyzer = new Analyzer() {
                @Override
                protected Reader initReader(String fieldName, Reader reader) {
                    return new ICUNormalizer2CharFilter(reader, normalizer);
                }

                @Override
                protected TokenStreamComponents createComponents(String fieldName) {
                    Tokenizer source = new ICUTokenizer(new DefaultICUTokenizerConfig(true, true));
                    return new TokenStreamComponents(source, new ICUNormalizer2Filter(source, normalizer));
                }
            };
        }

        @Override
        public Analyzer get() {
            return analyzer;
        }
    }
}

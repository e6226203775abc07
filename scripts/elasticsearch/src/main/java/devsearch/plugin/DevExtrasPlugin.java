package devsearch.plugin;

import org.apache.lucene.analysis.Analyzer;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * What the development Elasticsearch node needs beyond the distribution published on Maven Central:
 * analysis components (below) and the {@code GET /} / {@code HEAD /} endpoint ({@link RootInfoHandler}).
 *
 * <p>The Elasticsearch distribution published on Maven Central (the "integ-test-zip") ships only the
 * server and the transport/x-pack-core/apm modules, not the {@code analysis-common} module nor the
 * {@code analysis-smartcn}/{@code analysis-icu} plugins. This plugin re-provides, under the same names
 * and with the same main parameters, the components this project (and Wagtail's Elasticsearch
 * backend) uses, as thin wrappers around the Lucene classes the official modules wrap too:
 *
 * <ul>
 *   <li>analyzers: {@code cjk}, {@code smartcn}, {@code icu_analyzer}</li>
 *   <li>tokenizers: {@code ngram}, {@code edge_ngram}, {@code keyword}, {@code whitespace},
 *       {@code letter}, {@code smartcn_tokenizer}, {@code icu_tokenizer}</li>
 *   <li>token filters: {@code asciifolding}, {@code lowercase}, {@code ngram}, {@code edge_ngram},
 *       {@code cjk_bigram}, {@code cjk_width}, {@code trim}, {@code smartcn_stop},
 *       {@code icu_normalizer}, {@code icu_folding}</li>
 *   <li>char filters: {@code html_strip}, {@code icu_normalizer}</li>
 * </ul>
 *
 * The server itself already provides the {@code standard}, {@code simple}, {@code stop},
 * {@code whitespace} and {@code keyword} analyzers, the {@code standard} tokenizer and the
 * {@code lowercase}, {@code stop}, {@code shingle} token filters.
 */
public class DevExtrasPlugin extends Plugin implements AnalysisPlugin, ActionPlugin {

    private volatile ClusterService clusterService;

    @Override
    public Collection<?> createComponents(PluginServices services) {
        clusterService = services.clusterService();
        return List.of();
    }

    @Override
    public Collection<RestHandler> getRestHandlers(
        Settings settings,
        NamedWriteableRegistry namedWriteableRegistry,
        RestController restController,
        ClusterSettings clusterSettings,
        IndexScopedSettings indexScopedSettings,
        SettingsFilter settingsFilter,
        IndexNameExpressionResolver indexNameExpressionResolver,
        Supplier<DiscoveryNodes> nodesInCluster,
        Predicate<NodeFeature> clusterSupportsFeature
    ) {
        return List.of(new RootInfoHandler(Node.NODE_NAME_SETTING.get(settings), () -> clusterService));
    }

    @Override
    public Map<String, AnalysisProvider<CharFilterFactory>> getCharFilters() {
        Map<String, AnalysisProvider<CharFilterFactory>> m = new TreeMap<>();
        m.put("html_strip", (is, env, name, s) -> new Factories.HtmlStripCharFilter(name, s));
        m.put("icu_normalizer", (is, env, name, s) -> new Factories.IcuNormalizerCharFilter(name, s));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        Map<String, AnalysisProvider<TokenizerFactory>> m = new TreeMap<>();
        m.put("ngram", (is, env, name, s) -> new Factories.NGramTokenizer(is, s, name, false));
        m.put("edge_ngram", (is, env, name, s) -> new Factories.NGramTokenizer(is, s, name, true));
        m.put("keyword", Factories.KeywordTokenizer::new);
        m.put("whitespace", (is, env, name, s) -> new Factories.SimpleTokenizer(is, s, name,
            org.apache.lucene.analysis.core.WhitespaceTokenizer::new));
        m.put("letter", (is, env, name, s) -> new Factories.SimpleTokenizer(is, s, name,
            org.apache.lucene.analysis.core.LetterTokenizer::new));
        m.put("smartcn_tokenizer", (is, env, name, s) -> new Factories.SimpleTokenizer(is, s, name,
            org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer::new));
        m.put("icu_tokenizer", (is, env, name, s) -> new Factories.SimpleTokenizer(is, s, name,
            () -> new org.apache.lucene.analysis.icu.segmentation.ICUTokenizer(
                new org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig(true, true))));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        Map<String, AnalysisProvider<TokenFilterFactory>> m = new TreeMap<>();
        m.put("asciifolding", (is, env, name, s) -> new Factories.AsciiFolding(name, s));
        m.put("lowercase", (is, env, name, s) -> new Factories.LowerCase(name, s));
        m.put("ngram", (is, env, name, s) -> new Factories.NGramFilter(is, name, s, false));
        m.put("edge_ngram", (is, env, name, s) -> new Factories.NGramFilter(is, name, s, true));
        m.put("cjk_bigram", (is, env, name, s) -> new Factories.CjkBigram(name, s));
        m.put("cjk_width", (is, env, name, s) -> new Factories.SimpleNormalizingFilter(name, s,
            org.apache.lucene.analysis.cjk.CJKWidthFilter::new));
        m.put("trim", (is, env, name, s) -> new Factories.SimpleNormalizingFilter(name, s,
            org.apache.lucene.analysis.miscellaneous.TrimFilter::new));
        m.put("smartcn_stop", (is, env, name, s) -> new Factories.StopWords(env, name, s,
            org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer.getDefaultStopSet()));
        m.put("icu_normalizer", (is, env, name, s) -> new Factories.IcuNormalizerFilter(name, s));
        m.put("icu_folding", (is, env, name, s) -> new Factories.SimpleNormalizingFilter(name, s,
            org.apache.lucene.analysis.icu.ICUFoldingFilter::new));
        return m;
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> m = new TreeMap<>();
        m.put("cjk", (is, env, name, s) -> new Factories.Cjk(env, name, s));
        m.put("smartcn", (is, env, name, s) -> new Factories.SmartCn(env, name, s));
        m.put("icu_analyzer", (is, env, name, s) -> new Factories.IcuAnalyzer(name, s));
        return m;
    }
}

/// Words that say nothing about a paper's topic, left out of "more like this" and of the
/// for-you model's features.
public enum StopWords {
  /// Function words and the boilerplate of abstracts, which say nothing about a topic.
  public static let english: Set<String> = [
    "the", "and", "for", "with", "that", "this", "these", "those", "from", "into", "onto", "over",
    "are", "was", "were", "been", "being", "has", "have", "had", "its", "our", "their", "they",
    "which", "who", "whom", "can", "could", "may", "might", "will", "would", "should", "also",
    "such", "than", "then", "more", "most", "both", "each", "other", "some", "any", "all", "not",
    "but", "via", "while", "when", "where", "how", "what", "why", "between", "through", "under",
    "upon", "about", "above", "after", "before", "during", "without", "within", "across", "among",
    "however", "thus", "therefore", "moreover", "furthermore", "here", "there", "very", "well",
    "only", "even", "further", "often", "many", "much", "several", "various", "new", "novel",
    "paper", "propose", "proposed", "proposes", "present", "presents", "show", "shows", "shown",
    "demonstrate", "demonstrates", "method", "methods", "approach", "approaches", "results",
    "result", "based", "using", "use", "used", "uses", "work", "works", "state", "art",
    "existing", "different", "first", "one", "two", "three", "significantly", "significant",
    "performance", "improve", "improves", "improved", "achieve", "achieves", "code", "available",
    "https", "http", "github", "com", "www", "experiments", "experimental", "extensive",
    "framework", "task", "tasks", "problem", "problems", "effective", "effectively", "recent",
    "recently", "study", "studies", "large", "high", "low", "data", "learning", "model", "models",
  ]
}

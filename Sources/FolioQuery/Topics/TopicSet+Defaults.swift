extension TopicSet {
  /// The topics Folio ships with, for a machine-learning reader. Each is an ordinary query;
  /// `topics.toml` can override or remove any of them. They spell out word forms rather than
  /// use prefixes of common words (`model*`), which would cost a merge of every form's
  /// postings on each use.
  public static let defaultDefinitions: [(name: String, query: String)] = [
    (
      "LLMs",
      #"LLM OR LLMs OR "language model" OR "language models" OR GPT* OR "instruction tuning" OR RLHF OR chatbot OR chatbots"#
    ),
    (
      "Agents",
      #"agent OR agents OR agentic OR "multi-agent" OR "tool use" OR "tool-use" OR "web navigation""#
    ),
    (
      "Vision",
      #""computer vision" OR image OR images OR visual OR video OR videos OR "object detection" OR segmentation OR ViT OR pixel OR pixels"#
    ),
    (
      "Diffusion & generation",
      #"diffusion OR "generative model" OR "generative models" OR GAN OR GANs OR "text-to-image" OR "image generation" OR "video generation" OR VAE OR synthesis"#
    ),
    (
      "Person re-identification",
      #""re-identification" OR reidentification OR ReID OR "re-id" OR "person search" OR "person retrieval""#
    ),
    (
      "Reinforcement learning",
      #""reinforcement learning" OR RL OR "policy gradient" OR "Q-learning" OR "reward model" OR "reward models" OR "offline RL""#
    ),
    (
      "Robotics",
      #"robot OR robots OR robotic OR robotics OR manipulation OR locomotion OR embodied OR grasping"#
    ),
    (
      "Medical",
      #"medical OR clinical OR patient OR patients OR MRI OR radiology OR disease OR diseases OR healthcare OR biomedical"#
    ),
    (
      "Speech & audio",
      #"speech OR audio OR ASR OR TTS OR acoustic OR music OR "speech recognition" OR speaker"#
    ),
    (
      "Efficient ML",
      #"quantization OR pruning OR distillation OR "parameter-efficient" OR PEFT OR LoRA OR sparsity OR compression OR "efficient inference""#
    ),
    (
      "Continual learning",
      #""continual learning" OR "lifelong learning" OR "incremental learning" OR "catastrophic forgetting" OR "class-incremental""#
    ),
  ]

  /// The default topics. Their queries are checked by a test, so building them cannot fail.
  public static let defaults = TopicSet(
    defaultDefinitions.compactMap { try? Topic(name: $0.name, query: $0.query) })
}

// Saved topic models: the settings and, when fitted, the options and the learnt matrices, in one
// checked, versioned image (binary_io.h).
#include <Eigen/Core>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "binary_io.h"
#include "gongwen/error.h"
#include "gongwen/topics.h"

namespace gongwen {

namespace {

using Dense = DenseRows<double>;

constexpr std::uint64_t kTopicMagic = 0x534349504F545747ull;  // "GWTOPICS"
constexpr std::uint32_t kTopicVersion = 1;

std::vector<double> ToVector(const Eigen::VectorXd& v) { return {v.data(), v.data() + v.size()}; }

Eigen::VectorXd FromVector(const std::vector<double>& v) {
  return Eigen::Map<const Eigen::VectorXd>(v.data(), static_cast<Eigen::Index>(v.size()));
}

}  // namespace

std::string SavedTopicModel::Serialize() const {
  binary::Writer w;
  w.PutHeader(kTopicMagic, kTopicVersion);
  w.PutString(settings);
  w.Put<std::uint32_t>(model.has_value());
  if (model) {
    const TopicOptions& o = model->options_;
    w.Put<std::uint32_t>(static_cast<std::uint32_t>(o.method));
    w.Put<std::int64_t>(o.n_topics);
    w.Put<std::uint64_t>(o.seed);
    w.Put<std::int64_t>(o.n_iter);
    w.Put<std::int64_t>(o.n_oversamples);
    w.Put<std::int64_t>(o.max_iter);
    w.Put<double>(o.tol);
    w.Put<std::uint32_t>(model->fitted_);
    if (model->fitted_) {
      const Dense& c = model->components_;
      w.Put<std::int64_t>(c.cols());
      w.PutArray(std::vector<double>(c.data(), c.data() + c.size()));
      w.PutArray(ToVector(model->singular_values_));
      w.PutArray(ToVector(model->explained_variance_));
      w.PutArray(ToVector(model->explained_variance_ratio_));
      w.Put<std::int64_t>(model->iterations_);
      w.Put<double>(model->reconstruction_error_);
    }
  }
  return w.Finish();
}

SavedTopicModel SavedTopicModel::Deserialize(std::string_view bytes) {
  binary::Reader r(bytes, "saved topic model");
  r.ReadHeader(kTopicMagic, kTopicVersion, "gongwen topic model");
  SavedTopicModel saved;
  saved.settings = r.GetString();
  const std::uint32_t has_model = r.Get<std::uint32_t>();
  if (has_model > 1) r.Fail("bad model flag");
  if (has_model) {
    TopicOptions o;
    const std::uint32_t method = r.Get<std::uint32_t>();
    if (method > static_cast<std::uint32_t>(TopicMethod::kNmf)) r.Fail("unknown method");
    o.method = static_cast<TopicMethod>(method);
    o.n_topics = r.Get<std::int64_t>();
    o.seed = r.Get<std::uint64_t>();
    o.n_iter = r.Get<std::int64_t>();
    o.n_oversamples = r.Get<std::int64_t>();
    o.max_iter = r.Get<std::int64_t>();
    o.tol = r.Get<double>();
    try {
      o.Validate();
    } catch (const std::invalid_argument& e) {
      r.Fail(std::string("bad settings: ") + e.what());
    }
    TopicModel& model = saved.model.emplace(o);
    const std::uint32_t fitted = r.Get<std::uint32_t>();
    if (fitted > 1) r.Fail("bad fitted flag");
    if (fitted) {
      const std::int64_t terms = r.Get<std::int64_t>();
      const std::vector<double> components = r.GetArray<double>();
      if (terms < o.n_topics ||
          components.size() != static_cast<std::uint64_t>(o.n_topics) * terms) {
        r.Fail("the components do not match the number of topics");
      }
      model.components_ = Eigen::Map<const Dense>(components.data(), o.n_topics, terms);
      model.singular_values_ = FromVector(r.GetArray<double>());
      model.explained_variance_ = FromVector(r.GetArray<double>());
      model.explained_variance_ratio_ = FromVector(r.GetArray<double>());
      const Eigen::Index lsa_size = o.method == TopicMethod::kLsa ? o.n_topics : 0;
      if (model.singular_values_.size() != lsa_size ||
          model.explained_variance_.size() != lsa_size ||
          model.explained_variance_ratio_.size() != lsa_size) {
        r.Fail("the singular values do not match the number of topics");
      }
      model.iterations_ = r.Get<std::int64_t>();
      model.reconstruction_error_ = r.Get<double>();
      model.fitted_ = true;
    }
  }
  r.Align();
  if (!r.AtEnd()) r.Fail("unexpected bytes after the last section");
  return saved;
}

}  // namespace gongwen

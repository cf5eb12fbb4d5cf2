// Topic models. A scipy CSR matrix comes in as a Csr (sparse.h: viewed, not copied); the
// documents' topic weights go out as a numpy array that owns the Eigen matrix they were
// computed in. Fitting and transforming release the GIL: their cost grows with the matrix.
#include <pybind11/eigen.h>
#include <pybind11/native_enum.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/typing.h>

#include <optional>
#include <stdexcept>
#include <string>

#include "bindings.h"
#include "common.h"
#include "gongwen/topics.h"
#include "sparse.h"

namespace py = pybind11;

namespace gongwen::bindings {

namespace {

template <typename Scalar>
DenseRows<Scalar> FitTransform(TopicModel& self, const Csr<Scalar>& matrix, int n_threads) {
  LongCall call;
  return self.FitTransform(matrix.View(), n_threads);
}

template <typename Scalar>
DenseRows<Scalar> Transform(const TopicModel& self, const Csr<Scalar>& matrix, int n_threads) {
  LongCall call;
  return self.Transform(matrix.View(), n_threads);
}

}  // namespace

void BindTopics(py::module_& m) {
  py::native_enum<TopicMethod>(m, "TopicMethod", "enum.Enum", "How topics are found.")
      .value("lsa", TopicMethod::kLsa, "Latent semantic analysis (randomized truncated SVD).")
      .value("nmf", TopicMethod::kNmf, "Non-negative matrix factorization.")
      .finalize();

  py::class_<TopicModel>(m, "TopicModel", "A topic model (LSA or NMF) of a document-term matrix.")
      .def(py::init([](TopicMethod method, std::int64_t n_topics, std::uint64_t seed,
                       std::int64_t n_iter, std::int64_t n_oversamples, std::int64_t max_iter,
                       double tol) {
             TopicOptions options;
             options.method = method;
             options.n_topics = n_topics;
             options.seed = seed;
             options.n_iter = n_iter;
             options.n_oversamples = n_oversamples;
             options.max_iter = max_iter;
             options.tol = tol;
             return TopicModel(options);
           }),
           py::arg("method"), py::arg("n_topics"), py::arg("seed"), py::arg("n_iter"),
           py::arg("n_oversamples"), py::arg("max_iter"), py::arg("tol"))
      .def("fit_transform", &FitTransform<float>, py::arg("matrix"), py::arg("n_threads") = 0)
      .def("fit_transform", &FitTransform<double>, py::arg("matrix"), py::arg("n_threads") = 0,
           "Fits the model to a CSR matrix; returns the documents' topic weights (float32 for "
           "float32 data).")
      .def("transform", &Transform<float>, py::arg("matrix"), py::arg("n_threads") = 0)
      .def("transform", &Transform<double>, py::arg("matrix"), py::arg("n_threads") = 0,
           "The topic weights of the documents of a CSR matrix.")
      .def_property_readonly("method", [](const TopicModel& self) { return self.options().method; })
      .def_property_readonly("n_topics",
                             [](const TopicModel& self) { return self.options().n_topics; })
      .def_property_readonly("fitted", &TopicModel::fitted)
      .def_property_readonly("n_terms", &TopicModel::n_terms)
      .def_property_readonly(
          "components", [](const TopicModel& self) { return DenseRows<double>(self.components()); },
          "The topics as weights of terms (a copy, topics x terms).")
      .def_property_readonly("singular_values",
                             [](const TopicModel& self) { return self.singular_values(); })
      .def_property_readonly("explained_variance",
                             [](const TopicModel& self) { return self.explained_variance(); })
      .def_property_readonly("explained_variance_ratio",
                             [](const TopicModel& self) { return self.explained_variance_ratio(); })
      .def_property_readonly("iterations", &TopicModel::iterations)
      .def_property_readonly("reconstruction_error", &TopicModel::reconstruction_error);

  // Saving and loading copy the whole model: both run without the GIL once the arguments are
  // C++ values (the model is read through the Python object that owns it, which the argument
  // keeps alive; the bytes are viewed, not copied, as bytes are immutable).
  m.def(
      "save_topic_model",
      [](std::string settings, const py::typing::Optional<TopicModel>& model_object) {
        const auto* model = model_object.is_none() ? nullptr : model_object.cast<TopicModel*>();
        std::string bytes;
        {
          py::gil_scoped_release release;
          SavedTopicModel saved{std::move(settings), std::nullopt};
          if (model) saved.model = *model;
          bytes = saved.Serialize();
        }
        return py::bytes(bytes);
      },
      py::arg("settings"), py::arg("model"),
      "The bytes of a topic model: settings (JSON) and the model (None: settings only).");
  m.def(
      "load_topic_model",
      [](const py::bytes& data) {
        const std::string_view bytes = data;
        SavedTopicModel saved;
        {
          py::gil_scoped_release release;
          saved = SavedTopicModel::Deserialize(bytes);
        }
        return py::make_tuple(saved.settings, std::move(saved.model));
      },
      py::arg("data"), "(settings, model or None) from the bytes of save_topic_model.");
}

}  // namespace gongwen::bindings

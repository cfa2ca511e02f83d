#include "rules/pack_image.h"

#include "core/varint.h"

namespace medlint {

namespace {

// Each node is a kind byte, then: a scalar its length and bytes; a sequence
// its item count and items; a map its pair count and keys and values in turn.
// Counts and lengths are LEB128 varints.
enum Kind : char { kNull = 'N', kScalar = 'S', kSequence = 'Q', kMap = 'M' };

void encode(const YAML::Node& node, std::string& out) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      out += kScalar;
      append_varint(node.Scalar().size(), out);
      out += node.Scalar();
      break;
    case YAML::NodeType::Sequence:
      out += kSequence;
      append_varint(node.size(), out);
      for (const auto& item : node) encode(item, out);
      break;
    case YAML::NodeType::Map:
      out += kMap;
      append_varint(node.size(), out);
      for (const auto& entry : node) {
        encode(entry.first, out);
        encode(entry.second, out);
      }
      break;
    default:
      out += kNull;
  }
}

class Decoder {
 public:
  explicit Decoder(std::string_view image) : image_(image) {}

  // Decodes the next node into `target`, top down: each child is made in
  // its parent's memory. (A child built apart and then added merges its
  // whole subtree's memory into the parent's, again at every level above:
  // most of decoding's time for the shipped packs.)
  void fill(YAML::Node& target, int depth = 0) {
    if (depth > 256) throw BadYamlImage("YAML image nests too deeply");
    switch (byte()) {
      case kNull:
        target = YAML::Node(YAML::NodeType::Null);
        return;
      case kScalar: {
        const std::size_t length = count();
        if (length > image_.size() - at_) throw BadYamlImage("YAML image ends inside a scalar");
        target = std::string(image_.substr(at_, length));
        at_ += length;
        return;
      }
      case kSequence: {
        target = YAML::Node(YAML::NodeType::Sequence);
        const std::size_t items = count();
        // Index `size` appends an item to a sequence.
        for (std::size_t i = 0; i < items; ++i) {
          YAML::Node item = target[i];
          fill(item, depth + 1);
        }
        return;
      }
      case kMap: {
        target = YAML::Node(YAML::NodeType::Map);
        for (std::size_t i = count(); i > 0; --i) {
          YAML::Node key;
          fill(key, depth + 1);
          // A key node is found by identity, so a repeated key stays a pair of its own.
          YAML::Node value = target[key];
          fill(value, depth + 1);
        }
        return;
      }
      default:
        throw BadYamlImage("YAML image has an unknown node kind");
    }
  }

  // Passes over the next node without building it; returns its image.
  std::string_view skip(int depth = 0) {
    if (depth > 256) throw BadYamlImage("YAML image nests too deeply");
    const std::size_t begin = at_;
    switch (byte()) {
      case kNull:
        break;
      case kScalar: {
        const std::size_t length = count();
        if (length > image_.size() - at_) throw BadYamlImage("YAML image ends inside a scalar");
        at_ += length;
        break;
      }
      case kSequence:
        for (std::size_t i = count(); i > 0; --i) skip(depth + 1);
        break;
      case kMap:
        for (std::size_t i = count(); i > 0; --i) {
          skip(depth + 1);
          skip(depth + 1);
        }
        break;
      default:
        throw BadYamlImage("YAML image has an unknown node kind");
    }
    return image_.substr(begin, at_ - begin);
  }

  // The entries of the map that comes next, each key's text with the image
  // of its value; none for a null.
  std::vector<std::pair<std::string_view, std::string_view>> map_entries() {
    std::vector<std::pair<std::string_view, std::string_view>> entries;
    const char kind = byte();
    if (kind == kNull) return entries;
    if (kind != kMap) throw BadYamlImage("YAML image is not a map");
    for (std::size_t i = count(); i > 0; --i) {
      if (byte() != kScalar) throw BadYamlImage("YAML image has a map key that is not a scalar");
      const std::size_t length = count();
      if (length > image_.size() - at_) throw BadYamlImage("YAML image ends inside a scalar");
      const std::string_view key = image_.substr(at_, length);
      at_ += length;
      entries.emplace_back(key, skip(1));
    }
    return entries;
  }

  bool finished() const { return at_ == image_.size(); }

 private:
  char byte() {
    if (at_ >= image_.size()) throw BadYamlImage("YAML image ends early");
    return image_[at_++];
  }

  std::size_t count() {
    std::size_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      const auto part = static_cast<unsigned char>(byte());
      value |= static_cast<std::size_t>(part & 0x7F) << shift;
      if (!(part & 0x80)) return value;
    }
    throw BadYamlImage("YAML image has an overlong count");
  }

  std::string_view image_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_yaml_image(const YAML::Node& node) {
  std::string image;
  encode(node, image);
  return image;
}

std::vector<std::pair<std::string_view, std::string_view>> yaml_image_map(std::string_view image) {
  Decoder decoder(image);
  auto entries = decoder.map_entries();
  if (!decoder.finished()) throw BadYamlImage("YAML image has bytes after its document");
  return entries;
}

YAML::Node decode_yaml_image(std::string_view image) {
  Decoder decoder(image);
  YAML::Node root;
  decoder.fill(root);
  if (!decoder.finished()) throw BadYamlImage("YAML image has bytes after its document");
  return root;
}

}  // namespace medlint
